package org.tessera.extract;

import java.util.Objects;
import org.tessera.backbone.DeviceChoice;
import org.tessera.tiling.TilingSpec;

/**
 * What an extraction run does: which backbone (by its name in the store), which tiling, on which device,
 * in batches of what size, with how many threads reading tiles and running the backbone, and whether tiles
 * are Macenko-normalised before the backbone. Each inference thread has its own ONNX Runtime session with
 * (cores / inference threads) intra-op threads: on a small CPU, two single-threaded sessions keep the
 * cores busier than one two-threaded session, whose threads wait for each other at every operator
 * whenever a tile reader takes a core. {@code partRows} bounds memory: a slide's embeddings are written in Parquet parts
 * of at most that many rows.
 */
public record ExtractionOptions(String backbone, TilingSpec tiling, DeviceChoice device, int batchSize, int readerThreads,
        int inferenceThreads, boolean macenko, int partRows, boolean previews) {

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
        if (inferenceThreads < 1 || inferenceThreads > 64) {
            throw new IllegalArgumentException("inference threads must be 1..64, got " + inferenceThreads);
        }
        if (partRows < 1) {
            throw new IllegalArgumentException("Parquet part size must be positive, got " + partRows);
        }
    }

    /**
     * Defaults: HEST's tiling, automatic device, batch 16, two reader threads, one inference thread per
     * core (at most 4), no stain normalisation.
     */
    public static ExtractionOptions defaults(String backbone) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ExtractionOptions(backbone, TilingSpec.DEFAULT, DeviceChoice.AUTO, 16, 2, Math.min(4, cores), false, 8192, true);
    }

    public ExtractionOptions withInferenceThreads(int n) {
        return new ExtractionOptions(backbone, tiling, device, batchSize, readerThreads, n, macenko, partRows, previews);
    }

    public ExtractionOptions withTiling(TilingSpec spec) {
        return new ExtractionOptions(backbone, spec, device, batchSize, readerThreads, inferenceThreads, macenko, partRows, previews);
    }

    public ExtractionOptions withDevice(DeviceChoice d) {
        return new ExtractionOptions(backbone, tiling, d, batchSize, readerThreads, inferenceThreads, macenko, partRows, previews);
    }

    public ExtractionOptions withBatchSize(int n) {
        return new ExtractionOptions(backbone, tiling, device, n, readerThreads, inferenceThreads, macenko, partRows, previews);
    }

    public ExtractionOptions withReaderThreads(int n) {
        return new ExtractionOptions(backbone, tiling, device, batchSize, n, inferenceThreads, macenko, partRows, previews);
    }

    public ExtractionOptions withMacenko(boolean on) {
        return new ExtractionOptions(backbone, tiling, device, batchSize, readerThreads, inferenceThreads, on, partRows, previews);
    }

    public ExtractionOptions withPartRows(int n) {
        return new ExtractionOptions(backbone, tiling, device, batchSize, readerThreads, inferenceThreads, macenko, n, previews);
    }
}
