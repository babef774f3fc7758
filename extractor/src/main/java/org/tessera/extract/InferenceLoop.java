package org.tessera.extract;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tessera.backbone.BackboneException;
import org.tessera.backbone.Embedder;

/**
 * A thread that talks to one backbone session: gathers preprocessed tiles into batches (from any slide: a
 * batch may straddle two slides, so the backbone never waits at slide boundaries), runs them, and hands
 * the embeddings to the writer. A short poll timeout runs a partial batch when the readers fall behind
 * or a slide's last tiles arrive. Several loops may share the input queue, each with its own session; the
 * end marker is passed on to the others, and the last loop to stop tells the writer.
 *
 * <p>With test-time augmentation each tile carries {@code variants} images; all are embedded in the same
 * call and the tile's embedding is their mean, accumulated in double.
 */
final class InferenceLoop implements Runnable {
    private static final long PARTIAL_BATCH_WAIT_MS = 25;

    private final int lane;
    private final int group;
    private final Embedder backbone;
    private final int cpu;
    private final int variants;
    private final int batchSize;
    private final BlockingQueue<TileItem> in;
    private final BlockingQueue<EmbeddedBatch> out;
    private final Pipeline pipeline;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong tiles = new AtomicLong();
    private final AtomicLong busyNanos = new AtomicLong();
    private final AtomicLong cpuNanos = new AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The batch, in native memory that ONNX Runtime reads in place (a heap array would be copied at every call). */
    private final FloatBuffer buffer;
    private final int floatsPerTile;
    private final java.util.concurrent.atomic.AtomicInteger running;

    /**
     * @param lane the backbone's number in the run (its sets, its queue)
     * @param group the number of the backbone's preprocessing among the tile's inputs
     * @param cpu the CPU this loop's thread pins itself to ({@link CpuAffinity}), -1 for none
     * @param floatsPerTile input floats per tile, all its variants together
     * @param variants images per tile, embedded and averaged
     * @param batchSize tiles per embedder call
     */
    InferenceLoop(int lane, int group, Embedder backbone, int cpu, int floatsPerTile, int variants, int batchSize, BlockingQueue<TileItem> in,
            BlockingQueue<EmbeddedBatch> out, Pipeline pipeline, java.util.concurrent.atomic.AtomicInteger running) {
        this.lane = lane;
        this.group = group;
        this.backbone = backbone;
        this.cpu = cpu;
        this.variants = variants;
        this.batchSize = batchSize;
        this.in = in;
        this.out = out;
        this.pipeline = pipeline;
        this.floatsPerTile = floatsPerTile;
        this.running = running;
        this.buffer = ByteBuffer.allocateDirect(Math.multiplyExact(Math.multiplyExact(floatsPerTile, batchSize), Float.BYTES))
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    long batches() {
        return batches.get();
    }

    long tiles() {
        return tiles.get();
    }

    /** Time spent inside the backbone: with the run's wall time, how busy the pipeline kept it. */
    double busySeconds() {
        return busyNanos.get() / 1e9;
    }

    /**
     * CPU time this thread spent inside the backbone: all of inference when the session runs on this thread (one
     * intra-op thread), else the part of it on this thread.
     */
    double cpuSeconds() {
        return cpuNanos.get() / 1e9;
    }

    @Override
    public void run() {
        if (cpu >= 0) {
            CpuAffinity.pinCurrentThread(cpu); // unpinned when it cannot: only slower
        }
        List<TileItem> pending = new ArrayList<>(batchSize);
        List<Integer> rows = new ArrayList<>(batchSize);
        int filled = 0;
        try {
            while (true) {
                TileItem item = in.poll(PARTIAL_BATCH_WAIT_MS, TimeUnit.MILLISECONDS);
                if (pipeline.aborted()) {
                    return;
                }
                if (item == null) {
                    if (!pending.isEmpty()) {
                        flush(pending, rows, filled);
                        pending = new ArrayList<>(batchSize);
                        rows = new ArrayList<>(batchSize);
                        filled = 0;
                    }
                    continue;
                }
                if (item == TileItem.END) {
                    pipeline.put(in, TileItem.END); // for the other loops
                    flush(pending, rows, filled);
                    if (running.decrementAndGet() == 0) {
                        pipeline.put(out, EmbeddedBatch.END);
                    }
                    return;
                }
                pending.add(item);
                if (item.hasPixels() && !item.job().failed(lane)) {
                    buffer.put(filled * floatsPerTile, item.inputs()[group], 0, floatsPerTile);
                    rows.add(filled++);
                } else {
                    rows.add(-1);
                }
                if (filled == batchSize) {
                    flush(pending, rows, filled);
                    pending = new ArrayList<>(batchSize);
                    rows = new ArrayList<>(batchSize);
                    filled = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BackboneException | RuntimeException e) {
            pipeline.abort(e);
        }
    }

    /** Runs the backbone on the {@code filled} tiles with pixels among {@code pending}, then passes all on. */
    private void flush(List<TileItem> pending, List<Integer> rows, int filled) throws BackboneException, InterruptedException {
        if (pending.isEmpty()) {
            return;
        }
        float[] embeddings = new float[0];
        if (filled > 0) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            embeddings = meanOfGroups(backbone.embed(buffer, filled * variants), filled, variants, backbone.dimension());
            cpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
            busyNanos.addAndGet(System.nanoTime() - t0);
            batches.incrementAndGet();
            tiles.addAndGet(filled);
        }
        int[] rowArray = rows.stream().mapToInt(Integer::intValue).toArray();
        pipeline.put(out, new EmbeddedBatch(lane, List.copyOf(pending), rowArray, embeddings, backbone.dimension()));
    }

    /** Row {@code i} of the result is the mean of rows {@code i*k .. i*k+k-1} of {@code rows}, in double. */
    static float[] meanOfGroups(float[] rows, int n, int k, int dimension) {
        if (k == 1) {
            return rows;
        }
        float[] out = new float[n * dimension];
        double[] sum = new double[dimension];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(sum, 0);
            for (int v = 0; v < k; v++) {
                int base = (i * k + v) * dimension;
                for (int d = 0; d < dimension; d++) {
                    sum[d] += rows[base + d];
                }
            }
            for (int d = 0; d < dimension; d++) {
                out[i * dimension + d] = (float) (sum[d] / k);
            }
        }
        return out;
    }
}
