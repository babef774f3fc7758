package org.tessera.score;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.tessera.backbone.DeviceChoice;

/**
 * How a bundle is applied.
 *
 * @param extractMissing embed selected slides that lack embeddings under the bundle's backbone, tiling and
 *                       stain; when false such slides make scoring refuse, naming them
 * @param device         where the backbone runs when slides are embedded
 * @param batchSize      tiles per backbone call when slides are embedded, 1..4096
 * @param out            a file to export this run's predictions to, if any (written atomically)
 * @param format         the export's format
 */
public record ScoreOptions(boolean extractMissing, DeviceChoice device, int batchSize, Optional<Path> out, OutputFormat format) {
    public ScoreOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batch size must be 1..4096, got " + batchSize);
        }
    }

    /** Extract what is missing on the automatic device, batches of 16, no export. */
    public static ScoreOptions defaults() {
        return new ScoreOptions(true, DeviceChoice.AUTO, 16, Optional.empty(), OutputFormat.PARQUET);
    }

    public ScoreOptions withExtractMissing(boolean on) {
        return new ScoreOptions(on, device, batchSize, out, format);
    }

    public ScoreOptions withDevice(DeviceChoice d) {
        return new ScoreOptions(extractMissing, d, batchSize, out, format);
    }

    public ScoreOptions withOut(Path file, OutputFormat f) {
        return new ScoreOptions(extractMissing, device, batchSize, Optional.of(file), f);
    }
}
