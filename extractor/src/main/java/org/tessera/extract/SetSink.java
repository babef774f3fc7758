package org.tessera.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;
import org.tessera.store.EmbeddingSets;

/**
 * The writer thread: routes each embedded tile to its slide's {@link org.tessera.store.SetWriter} for that
 * backbone and commits a set (atomic rename, then catalogue row) as soon as its last tile arrives; a slide is
 * released once every backbone's set of it is committed or failed. Runs on its own database connection so
 * Parquet writes never stall the backbones.
 */
final class SetSink implements Runnable {
    private final BlockingQueue<EmbeddedBatch> in;
    private final EmbeddingSets sets;
    private final DuckDBConnection connection;
    private final BufferAllocator allocator;
    private final int partRows;
    private final int[] runIds;
    private final List<String> backbones;
    private final SlideBudget budget;
    private final Pipeline pipeline;
    private final FailureLog log;
    private final Consumer<SlideJob> onSlideDone;
    private final Consumer<Integer> onTiles;
    private final int[] extracted;
    private final List<List<ExtractionReport.Failure>> failures = new ArrayList<>();
    private int slidesExtracted;

    /**
     * @param runIds each backbone's {@code extraction_runs} row, by backbone number
     * @param backbones the backbones' names, by number
     */
    SetSink(BlockingQueue<EmbeddedBatch> in, EmbeddingSets sets, DuckDBConnection connection, BufferAllocator allocator,
            int partRows, int[] runIds, List<String> backbones, SlideBudget budget, Pipeline pipeline, FailureLog log,
            Consumer<SlideJob> onSlideDone, Consumer<Integer> onTiles) {
        this.in = in;
        this.sets = sets;
        this.connection = connection;
        this.allocator = allocator;
        this.partRows = partRows;
        this.runIds = runIds.clone();
        this.backbones = List.copyOf(backbones);
        this.budget = budget;
        this.pipeline = pipeline;
        this.log = log;
        this.onSlideDone = onSlideDone;
        this.onTiles = onTiles;
        this.extracted = new int[runIds.length];
        for (int i = 0; i < runIds.length; i++) {
            failures.add(new ArrayList<>());
        }
    }

    /** Backbone number {@code lane}'s failed slides (after the run). */
    List<ExtractionReport.Failure> failures(int lane) {
        return failures.get(lane);
    }

    /** Backbone number {@code lane}'s committed sets (after the run). */
    int extracted(int lane) {
        return extracted[lane];
    }

    /** Slides with every set they needed committed (after the run). */
    int slidesExtracted() {
        return slidesExtracted;
    }

    @Override
    public void run() {
        try {
            while (!pipeline.aborted()) {
                EmbeddedBatch batch = in.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (batch == null) {
                    continue;
                }
                if (batch == EmbeddedBatch.END) {
                    return;
                }
                accept(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            pipeline.abort(e);
        }
    }

    private void accept(EmbeddedBatch batch) {
        int lane = batch.lane();
        int embedded = 0;
        for (int i = 0; i < batch.items().size(); i++) {
            TileItem item = batch.items().get(i);
            SlideJob job = item.job();
            SlideJob.Target target = job.targets[lane];
            int row = batch.rows()[i];
            if (row >= 0 && !job.failed(lane)) {
                try {
                    if (target.writer == null) {
                        target.writer = sets.begin(connection, allocator, target.key, batch.dimension(), partRows);
                    }
                    target.writer.add(item.tileIndex(), batch.embeddings(), row * batch.dimension());
                    embedded++;
                } catch (IOException | RuntimeException e) {
                    target.fail(ExtractionReport.Failure.of(job.slide.path(), backbones.get(lane) + ": writing embeddings", e));
                }
            }
            target.received++;
            if (job.complete(lane)) {
                finish(job, lane);
            }
        }
        onTiles.accept(embedded);
    }

    private void finish(SlideJob job, int lane) {
        SlideJob.Target target = job.targets[lane];
        try {
            if (!job.failed(lane)) {
                if (target.writer == null) {
                    target.fail(new ExtractionReport.Failure(job.slide.path(), backbones.get(lane) + ": no tile could be embedded"));
                } else {
                    target.writer.commit(runIds[lane], (System.nanoTime() - job.startNanos) / 1e9);
                    extracted[lane]++;
                }
            }
        } catch (IOException | RuntimeException e) {
            target.fail(ExtractionReport.Failure.of(job.slide.path(), backbones.get(lane) + ": committing the set", e));
        } finally {
            closeWriter(job, target, lane);
            if (job.failed(lane)) {
                failures.get(lane).add(job.failure(lane));
            }
            if (job.finishTarget()) {
                slideFinished(job);
            }
        }
    }

    /** Every backbone's set of the slide is done: logs its failures once, frees the slide. */
    private void slideFinished(SlideJob job) {
        try {
            job.opened.close();
        } finally {
            if (job.failed()) {
                log.add(job.failure(), needed(job));
            } else {
                boolean all = true;
                for (int lane = 0; lane < job.targets.length; lane++) {
                    SlideJob.Target t = job.targets[lane];
                    if (t != null && t.failure() != null) {
                        log.add(t.failure(), List.of(backbones.get(lane)));
                        all = false;
                    }
                }
                slidesExtracted += all ? 1 : 0;
            }
            budget.release(job.slide);
            onSlideDone.accept(job);
        }
    }

    private List<String> needed(SlideJob job) {
        List<String> out = new ArrayList<>();
        for (int lane = 0; lane < job.targets.length; lane++) {
            if (job.targets[lane] != null) {
                out.add(backbones.get(lane));
            }
        }
        return out;
    }

    /** Releases the target's writer (discarding uncommitted parts). */
    private void closeWriter(SlideJob job, SlideJob.Target target, int lane) {
        if (target.writer == null) {
            return;
        }
        try {
            target.writer.close();
            target.writer = null;
        } catch (IOException | RuntimeException e) {
            target.fail(ExtractionReport.Failure.of(job.slide.path(), backbones.get(lane) + ": cleaning up", e));
        }
    }
}
