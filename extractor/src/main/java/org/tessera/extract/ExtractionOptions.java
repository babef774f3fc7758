package org.tessera.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.tessera.backbone.DeviceChoice;
import org.tessera.tiling.TilingSpec;

/**
 * What an extraction run does: which backbones (by their names in the store; each tile is read and
 * preprocessed once for all of them), which tiling, on which device (and which GPUs), in batches of what
 * size, with how many threads reading tiles and running each backbone, and whether tiles are
 * Macenko-normalised before the backbones.
 *
 * <p>On the CPU each backbone gets {@code inferenceThreads} ONNX Runtime sessions with (cores / inference
 * threads) intra-op threads: on a small CPU, two single-threaded sessions keep the cores busier than one
 * two-threaded session, whose threads wait for each other at every operator whenever a tile reader takes a
 * core. On GPUs each backbone gets one session and one inference thread per GPU in {@code gpus} (empty: GPU 0).
 * {@code batchSize} 0 means the device's default ({@value #CPU_BATCH} on the CPU, {@value #GPU_BATCH} on a GPU).
 * {@code partRows} bounds memory: a slide's embeddings are written in Parquet parts of at most that many rows.
 */
public record ExtractionOptions(List<String> backbones, TilingSpec tiling, DeviceChoice device, List<Integer> gpus,
        int batchSize, int readerThreads, int inferenceThreads, boolean macenko, int partRows, boolean previews) {

    /** Images per backbone call on the CPU unless set. */
    public static final int CPU_BATCH = 16;
    /** Images per backbone call on a GPU unless set: large enough to keep a GPU busy. */
    public static final int GPU_BATCH = 128;

    public ExtractionOptions {
        Objects.requireNonNull(backbones, "backbones");
        Objects.requireNonNull(tiling, "tiling");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(gpus, "gpus");
        backbones = List.copyOf(backbones);
        gpus = List.copyOf(gpus);
        if (backbones.isEmpty()) {
            throw new IllegalArgumentException("at least one backbone is needed");
        }
        if (new HashSet<>(backbones).size() != backbones.size()) {
            throw new IllegalArgumentException("a backbone is named twice: " + backbones);
        }
        if (new HashSet<>(gpus).size() != gpus.size() || gpus.stream().anyMatch(g -> g < 0)) {
            throw new IllegalArgumentException("GPU ids must be distinct and non-negative, got " + gpus);
        }
        if (!gpus.isEmpty() && device == DeviceChoice.CPU) {
            throw new IllegalArgumentException("GPU ids " + gpus + " were given but the device is CPU");
        }
        if (batchSize < 0 || batchSize > 4096) {
            throw new IllegalArgumentException("batch size must be 1..4096 (0: the device's default), got " + batchSize);
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
     * Defaults: HEST's tiling, automatic device, the device's batch size, two reader threads, one inference
     * thread per core (at most 4) on the CPU, no stain normalisation.
     */
    public static ExtractionOptions defaults(String... backbones) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ExtractionOptions(List.of(backbones), TilingSpec.DEFAULT, DeviceChoice.AUTO, List.of(), 0, 2,
                Math.min(4, cores), false, 8192, true);
    }

    /** The batch size on a resolved device: the one set, else the device's default. */
    public int batchSizeOn(DeviceChoice resolved) {
        if (batchSize > 0) {
            return batchSize;
        }
        return resolved == DeviceChoice.GPU ? GPU_BATCH : CPU_BATCH;
    }

    /**
     * The device asked for: GPU ids force the GPU (an {@code AUTO} with GPU ids would otherwise fall back to
     * the CPU silently).
     */
    public DeviceChoice requestedDevice() {
        return gpus.isEmpty() ? device : DeviceChoice.GPU;
    }

    public ExtractionOptions withBackbones(List<String> names) {
        return new ExtractionOptions(names, tiling, device, gpus, batchSize, readerThreads, inferenceThreads, macenko, partRows,
                previews);
    }

    public ExtractionOptions withInferenceThreads(int n) {
        return new ExtractionOptions(backbones, tiling, device, gpus, batchSize, readerThreads, n, macenko, partRows, previews);
    }

    public ExtractionOptions withTiling(TilingSpec spec) {
        return new ExtractionOptions(backbones, spec, device, gpus, batchSize, readerThreads, inferenceThreads, macenko, partRows,
                previews);
    }

    public ExtractionOptions withDevice(DeviceChoice d) {
        return new ExtractionOptions(backbones, tiling, d, gpus, batchSize, readerThreads, inferenceThreads, macenko, partRows,
                previews);
    }

    /** GPU ids to run on, one session and inference thread per GPU and backbone. */
    public ExtractionOptions withGpus(List<Integer> ids) {
        return new ExtractionOptions(backbones, tiling, device, ids, batchSize, readerThreads, inferenceThreads, macenko, partRows,
                previews);
    }

    public ExtractionOptions withBatchSize(int n) {
        return new ExtractionOptions(backbones, tiling, device, gpus, n, readerThreads, inferenceThreads, macenko, partRows,
                previews);
    }

    public ExtractionOptions withReaderThreads(int n) {
        return new ExtractionOptions(backbones, tiling, device, gpus, batchSize, n, inferenceThreads, macenko, partRows, previews);
    }

    public ExtractionOptions withMacenko(boolean on) {
        return new ExtractionOptions(backbones, tiling, device, gpus, batchSize, readerThreads, inferenceThreads, on, partRows,
                previews);
    }

    public ExtractionOptions withPartRows(int n) {
        return new ExtractionOptions(backbones, tiling, device, gpus, batchSize, readerThreads, inferenceThreads, macenko, n,
                previews);
    }

    public ExtractionOptions withPreviews(boolean on) {
        return new ExtractionOptions(backbones, tiling, device, gpus, batchSize, readerThreads, inferenceThreads, macenko, partRows,
                on);
    }
}
