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
 * The writer thread: routes each embedded tile to its slide's {@link org.tessera.store.SetWriter} and
 * commits a slide's set (atomic rename, then catalogue row) as soon as its last tile arrives. Runs on its
 * own database connection so Parquet writes never stall the backbone.
 */
final class SetSink implements Runnable {
    private final BlockingQueue<EmbeddedBatch> in;
    private final EmbeddingSets sets;
    private final DuckDBConnection connection;
    private final BufferAllocator allocator;
    private final int partRows;
    private final int runId;
    private final SlideBudget budget;
    private final Pipeline pipeline;
    private final Consumer<SlideJob> onSlideDone;
    private final Consumer<Integer> onTiles;
    private final List<ExtractionReport.Failure> failures = new ArrayList<>();
    private int extracted;

    SetSink(BlockingQueue<EmbeddedBatch> in, EmbeddingSets sets, DuckDBConnection connection, BufferAllocator allocator,
            int partRows, int runId, SlideBudget budget, Pipeline pipeline, Consumer<SlideJob> onSlideDone,
            Consumer<Integer> onTiles) {
        this.in = in;
        this.sets = sets;
        this.connection = connection;
        this.allocator = allocator;
        this.partRows = partRows;
        this.runId = runId;
        this.budget = budget;
        this.pipeline = pipeline;
        this.onSlideDone = onSlideDone;
        this.onTiles = onTiles;
    }

    List<ExtractionReport.Failure> failures() {
        return failures;
    }

    int extracted() {
        return extracted;
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
        int embedded = 0;
        for (int i = 0; i < batch.items().size(); i++) {
            TileItem item = batch.items().get(i);
            SlideJob job = item.job();
            int row = batch.rows()[i];
            if (row >= 0 && !job.failed()) {
                try {
                    if (job.writer == null) {
                        job.writer = sets.begin(connection, allocator, job.key, batch.dimension(), partRows);
                    }
                    job.writer.add(item.tileIndex(), batch.embeddings(), row * batch.dimension());
                    embedded++;
                } catch (IOException e) {
                    job.fail("writing embeddings: " + e.getMessage());
                }
            }
            job.received++;
            if (job.complete()) {
                finish(job);
            }
        }
        onTiles.accept(embedded);
    }

    private void finish(SlideJob job) {
        try {
            if (!job.failed()) {
                if (job.writer == null) {
                    job.fail("no tile could be embedded");
                } else {
                    job.writer.commit(runId, (System.nanoTime() - job.startNanos) / 1e9);
                    extracted++;
                }
            }
        } catch (IOException e) {
            job.fail(e.getMessage());
        } finally {
            closeQuietlyInto(job);
            if (job.failed()) {
                failures.add(new ExtractionReport.Failure(job.slide.path(), job.failure()));
            }
            budget.release(job.slide);
            onSlideDone.accept(job);
        }
    }

    /** Releases the job's writer (discarding uncommitted parts) and its slide handle. */
    private static void closeQuietlyInto(SlideJob job) {
        try (var slide = job.opened) {
            if (job.writer != null) {
                job.writer.close();
            }
        } catch (IOException e) {
            job.fail("cleaning up: " + e.getMessage());
        }
    }
}
