package org.tessera.extract;

import java.util.Objects;
import org.tessera.backbone.DeviceChoice;
import org.tessera.tiling.TilingSpec;

/**
 * What an extraction run does: which backbone (by its name in the store), which tiling, on which device,
 * in batches of what size, with how many threads reading tiles, and whether tiles are Macenko-normalised
 * before the backbone. {@code partRows} bounds memory: a slide's embeddings are written in Parquet parts
 * of at most that many rows.
 */
public record ExtractionOptions(String backbone, TilingSpec tiling, DeviceChoice device, int batchSize, int readerThreads,
        boolean macenko, int partRows, boolean previews) {

    public ExtractionOptions {
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(tiling, "tiling");
        Objects.requireNonNull(device, "device");
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batch size must be 1..4096, got " + batchSize);
        }
        if (readerThreads < 1 || readerThreads > 256) {
            throw new IllegalArgumentException("reader threads must be 1..256, got " + readerThreads);
        }
        if (partRows < 1) {
            throw new IllegalArgumentException("Parquet part size must be positive, got " + partRows);
        }
    }

    /** Defaults: HEST's tiling, automatic device, batch 16, two reader threads, no stain normalisation. */
    public static ExtractionOptions defaults(String backbone) {
        return new ExtractionOptions(backbone, TilingSpec.DEFAULT, DeviceChoice.AUTO, 16, 2, false, 8192, true);
    }

    public ExtractionOptions withTiling(TilingSpec spec) {
        return new ExtractionOptions(backbone, spec, device, batchSize, readerThreads, macenko, partRows, previews);
    }

    public ExtractionOptions withDevice(DeviceChoice d) {
        return new ExtractionOptions(backbone, tiling, d, batchSize, readerThreads, macenko, partRows, previews);
    }

    public ExtractionOptions withBatchSize(int n) {
        return new ExtractionOptions(backbone, tiling, device, n, readerThreads, macenko, partRows, previews);
    }

    public ExtractionOptions withReaderThreads(int n) {
        return new ExtractionOptions(backbone, tiling, device, batchSize, n, macenko, partRows, previews);
    }

    public ExtractionOptions withMacenko(boolean on) {
        return new ExtractionOptions(backbone, tiling, device, batchSize, readerThreads, on, partRows, previews);
    }

    public ExtractionOptions withPartRows(int n) {
        return new ExtractionOptions(backbone, tiling, device, batchSize, readerThreads, macenko, n, previews);
    }
}
