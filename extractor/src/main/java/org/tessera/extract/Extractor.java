package org.tessera.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.tessera.backbone.BackboneException;
import org.tessera.backbone.DeviceChoice;
import org.tessera.backbone.DeviceSelector;
import org.tessera.backbone.Embedder;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.stain.MacenkoNormalizer;
import org.tessera.stain.StainNormalization;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureKey;
import org.tessera.store.FeatureStore;
import org.tessera.store.RunLog;
import org.tessera.store.SlideRecord;
import org.tessera.store.SoftwareVersion;
import org.tessera.tiling.SpotPatchSpec;
import org.tessera.tiling.Tile;
import org.tessera.tissue.TissueDetector;

/**
 * Embeds every tile of the selected slides once. The work is keyed by slide content x tiling x backbone
 * weights x stain ({@link FeatureKey}): slides already in the store are skipped without loading the model.
 *
 * <p>Threads: this (calling) thread plans each slide (open, tile grid) and queues its tiles to a pool of
 * reader threads, which read, resample and preprocess tiles into a bounded queue; one inference thread
 * batches them through the backbone (batches cross slide boundaries, so the backbone never idles between
 * slides); one writer thread streams the embeddings into Parquet and commits each slide as soon as its last
 * tile is in. At most two slides are open at a time, so memory is bounded by the queues, two slides'
 * Parquet part buffers and the slides' own caches. A bad slide is recorded and skipped; a backbone or
 * store failure stops the run, leaving the store as it was after the last committed slide.
 *
 * <p>The tiles come from a {@link TileSource}: the tissue grid of the options' tiling, or with
 * {@link #forSpots} the patches centred on spatial transcriptomics spots (options' tiling then unused).
 */
public final class Extractor {
    /** Slides open at once (planned or being read), also bounded by memory: see {@link SlideBudget}. */
    private static final int SLIDES_IN_FLIGHT = 3;
    /** Threads planning slides ahead (decode, thumbnail, tissue, grid) while the backbone works. */
    private static final int PLANNERS = 2;

    private final FeatureStore store;
    private final ExtractionOptions options;
    private final TileSource source;

    /** Embeds the tissue grid of {@code options.tiling()}. */
    public Extractor(FeatureStore store, ExtractionOptions options) {
        this(store, options, new GridBuilder(store, new TissueDetector(), options.previews(), options.tiling()));
    }

    private Extractor(FeatureStore store, ExtractionOptions options, TileSource source) {
        this.store = store;
        this.options = options;
        this.source = source;
    }

    /**
     * Embeds the patches centred on the spots of the sections whose image is among the run's slides (tables
     * {@code st_sections}, {@code spots}), under {@code spec}; {@code options.tiling()} is not used.
     */
    public static Extractor forSpots(FeatureStore store, ExtractionOptions options, SpotPatchSpec spec) {
        return new Extractor(store, options, new SpotSource(store, spec));
    }

    /**
     * This extractor narrowed to the tiles of {@code selection} (an annotated class, a minimum sharpness); tissue
     * grids only. Slides already embedded are not embedded again, whatever tiles their set holds.
     */
    public Extractor select(TileSelection selection) {
        if (selection.isAll()) {
            return this;
        }
        if (!(source instanceof GridBuilder)) {
            throw new IllegalArgumentException("a region or sharpness selection applies to tissue tiles, not to spot patches");
        }
        return new Extractor(store, options, new SelectedSource(store, source, selection));
    }

    /** The tiling id this run's options give (registering the tiling if new). */
    public String tilingId() throws SQLException {
        return source.register();
    }

    public String stain() {
        return options.macenko() ? StainNormalization.MACENKO_DEFAULT.provenance() : "none";
    }

    public ExtractionReport run(List<SlideRecord> slides, Consumer<Progress> progress)
            throws IOException, SQLException, InterruptedException {
        BackboneRecord backbone = BackboneRegistry.registered(store, options.backbone());
        String tilingId = tilingId();
        String stain = stain();
        long start = System.nanoTime();
        List<SlideRecord> todo = new ArrayList<>();
        for (SlideRecord s : slides) {
            if (!store.embeddings().exists(new FeatureKey(s.slideId(), tilingId, backbone.weightsSha256(), stain))) {
                todo.add(s);
            }
        }
        int skipped = slides.size() - todo.size();
        List<ExtractionReport.Failure> partial = source instanceof GridBuilder
                ? SelectedSource.partialSets(store, slides, todo, tilingId, backbone.weightsSha256(), stain) : List.of();
        // Smallest slides first: the first plan (decode, thumbnail, tissue) is the only one the backbone waits for.
        todo.sort(java.util.Comparator.comparingLong((SlideRecord s) -> s.width() * s.height()).thenComparing(SlideRecord::slideId));
        RunLog.Start startRow = new RunLog.Start(backbone.backbone(), backbone.weightsSha256(), tilingId, stain,
                options.device().name().toLowerCase(java.util.Locale.ROOT), options.batchSize(), SoftwareVersion.get(),
                parametersJson(tilingId, stain), slides.size());
        int runId = store.runs().start(startRow);
        if (todo.isEmpty()) {
            double seconds = (System.nanoTime() - start) / 1e9;
            store.runs().finish(runId, new RunLog.Finish(0, skipped, partial.size(), 0, seconds, failuresJson(partial)));
            return new ExtractionReport(runId, slides.size(), 0, skipped, partial, 0, 0, seconds, "none (nothing to do)", 0);
        }
        DeviceChoice device = DeviceSelector.probe().resolve(options.device());
        // One session per inference thread; on a GPU one session (the device parallelises).
        int workers = device == DeviceChoice.GPU ? 1 : options.inferenceThreads();
        int intraOp = device == DeviceChoice.GPU ? 0 : Math.max(1, Runtime.getRuntime().availableProcessors() / workers);
        List<Embedder> models = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
                DuckDBConnection writerConnection = store.newConnection()) {
            for (int i = 0; i < workers; i++) {
                models.add(BackboneRegistry.load(backbone, device, intraOp, source.tilePx()));
            }
            Run run = new Run(models, tilingId, stain, backbone.weightsSha256(), runId, todo, allocator, writerConnection, progress);
            ExtractionReport report = run.execute(skipped, slides.size(), start).withEarlierFailures(partial);
            store.runs().finish(runId, new RunLog.Finish(report.slidesExtracted(), skipped, report.failures().size(),
                    report.tilesEmbedded(), report.seconds(), failuresJson(report.failures())));
            return report;
        } finally {
            for (Embedder m : models) {
                m.close();
            }
        }
    }

    private String parametersJson(String tilingId, String stain) {
        return "{" + source.parametersJson() + ", \"tiling_id\": \"" + tilingId + "\", \"stain\": \"" + json(stain) + "\", \"batch_size\": "
                + options.batchSize() + ", \"reader_threads\": " + options.readerThreads() + ", \"part_rows\": "
                + options.partRows() + "}";
    }

    static String failuresJson(List<ExtractionReport.Failure> failures) {
        List<String> items = new ArrayList<>();
        for (ExtractionReport.Failure f : failures) {
            items.add("{\"slide\": \"" + json(f.slide()) + "\", \"error\": \"" + json(f.error()) + "\"}");
        }
        return "[" + String.join(", ", items) + "]";
    }

    static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** One run's threads and counters. */
    private final class Run {
        private final List<Embedder> models;
        private final String tilingId;
        private final String stain;
        private final String weightsSha256;
        private final List<SlideRecord> todo;
        private final Consumer<Progress> progress;
        private final int runId;
        private final Pipeline pipeline = new Pipeline();
        private final BlockingQueue<TileItem> tiles;
        private final BlockingQueue<EmbeddedBatch> embedded = new ArrayBlockingQueue<>(8);
        private final SlideBudget budget = SlideBudget.forHeap(SLIDES_IN_FLIGHT);
        private final List<InferenceLoop> inference = new ArrayList<>();
        private final SetSink sink;
        private final AtomicInteger slidesDone = new AtomicInteger();
        private final AtomicLong tilesDone = new AtomicLong();
        private final AtomicLong tilesTotal = new AtomicLong();
        private final List<ExtractionReport.Failure> planFailures = java.util.Collections.synchronizedList(new ArrayList<>());
        /** Every job handed to the readers, so an aborted run can release what unfinished ones hold. */
        private final List<SlideJob> started = new ArrayList<>();
        private final TilePreprocessor preprocessor;
        private final UnaryOperator<BufferedImage> stainOp;
        private volatile String current = "";
        private long startNanos;

        Run(List<Embedder> models, String tilingId, String stain, String weightsSha256, int runId, List<SlideRecord> todo,
                BufferAllocator allocator, DuckDBConnection writerConnection, Consumer<Progress> progress) {
            this.models = models;
            this.tilingId = tilingId;
            this.stain = stain;
            this.weightsSha256 = weightsSha256;
            this.todo = todo;
            this.progress = progress;
            this.runId = runId;
            this.preprocessor = models.get(0).preprocessor();
            this.stainOp = options.macenko() ? new MacenkoNormalizer(StainNormalization.MACENKO_DEFAULT)::normalize : UnaryOperator.identity();
            int variants = source.variants();
            int tilesPerBatch = Math.max(1, options.batchSize() / variants); // the embedder sees about batchSize images
            // Queue bounded in tiles of all their variants: 8 variants of a 224 px patch take 4.8 MB.
            this.tiles = new ArrayBlockingQueue<>(Math.max(4 * tilesPerBatch, 16));
            java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger(models.size());
            for (Embedder m : models) {
                inference.add(new InferenceLoop(m, variants * preprocessor.floatsPerTile(), variants, tilesPerBatch, tiles,
                        embedded, pipeline, running));
            }
            this.sink = new SetSink(embedded, store.embeddings(), writerConnection, allocator, options.partRows(), runId, budget,
                    pipeline, job -> slideFinished(), this::tilesEmbedded);
        }

        ExtractionReport execute(int skipped, int selected, long start) throws InterruptedException, IOException {
            startNanos = System.nanoTime();
            List<Thread> inferenceThreads = new ArrayList<>();
            for (int i = 0; i < inference.size(); i++) {
                inferenceThreads.add(Thread.ofPlatform().name("tessera-inference-" + i).start(inference.get(i)));
            }
            Thread writerThread = Thread.ofPlatform().name("tessera-writer").start(sink);
            ExecutorService readers = Executors.newFixedThreadPool(options.readerThreads(),
                    Thread.ofPlatform().name("tessera-reader-", 0).daemon(true).factory());
            ExecutorService planners = Executors.newFixedThreadPool(PLANNERS,
                    Thread.ofPlatform().name("tessera-planner-", 0).daemon(true).factory());
            try {
                // Plans run ahead on their own threads, at most SLIDES_IN_FLIGHT slides open; tiles are queued in
                // slide order so each slide's set completes as early as possible.
                java.util.ArrayDeque<java.util.concurrent.Future<java.util.Optional<SlideJob>>> ahead = new java.util.ArrayDeque<>();
                java.util.ListIterator<SlideRecord> next = todo.listIterator();
                while (next.hasNext() || !ahead.isEmpty()) {
                    while (next.hasNext() && !pipeline.aborted() && budget.tryAcquire(peek(next))) {
                        SlideRecord record = take(next);
                        ahead.add(planners.submit(() -> plan(record)));
                    }
                    if (ahead.isEmpty()) {
                        if (pipeline.aborted()) {
                            break;
                        }
                        budget.awaitRelease();
                        continue;
                    }
                    java.util.Optional<SlideJob> planned = await(ahead.poll());
                    if (planned.isEmpty()) {
                        continue; // plan() released the budget
                    }
                    SlideJob job = planned.get();
                    if (pipeline.aborted()) {
                        job.opened.close();
                        continue;
                    }
                    current = job.slide.name();
                    started.add(job);
                    tilesTotal.addAndGet(job.tiles.size());
                    for (Tile t : job.tiles) {
                        readers.execute(() -> readTile(job, t));
                    }
                }
            } finally {
                planners.shutdownNow();
                readers.shutdown();
                while (!readers.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                    if (pipeline.aborted()) {
                        readers.shutdownNow();
                    }
                }
                if (!pipeline.aborted()) {
                    pipeline.put(tiles, TileItem.END);
                }
                for (Thread t : inferenceThreads) {
                    t.join();
                }
                writerThread.join();
                if (pipeline.aborted()) {
                    releaseUnfinished();
                }
            }
            if (pipeline.aborted()) {
                Throwable cause = pipeline.cause();
                if (cause instanceof BackboneException b) {
                    throw b;
                }
                throw new IOException("extraction stopped: " + cause.getMessage(), cause);
            }
            List<ExtractionReport.Failure> failures = new ArrayList<>(planFailures);
            failures.addAll(sink.failures());
            long tilesEmbedded = inference.stream().mapToLong(InferenceLoop::tiles).sum();
            long batches = inference.stream().mapToLong(InferenceLoop::batches).sum();
            String device = models.size() + " x " + models.get(0).deviceDescription();
            double wall = (System.nanoTime() - start) / 1e9;
            double busy = inference.stream().mapToDouble(InferenceLoop::busySeconds).sum() / (inference.size() * wall);
            return new ExtractionReport(runId, selected, sink.extracted(), skipped, failures, tilesEmbedded, batches, wall, device,
                    busy);
        }

        private SlideRecord peek(java.util.ListIterator<SlideRecord> it) {
            SlideRecord r = it.next();
            it.previous();
            return r;
        }

        private SlideRecord take(java.util.ListIterator<SlideRecord> it) {
            return it.next();
        }

        /** After an abort (threads joined): closes unfinished slides and discards their staged parts. */
        private void releaseUnfinished() throws IOException {
            for (SlideJob job : started) {
                if (!job.complete()) {
                    try (Slide slide = job.opened) {
                        if (job.writer != null) {
                            job.writer.close();
                        }
                    }
                }
            }
        }

        private java.util.Optional<SlideJob> await(java.util.concurrent.Future<java.util.Optional<SlideJob>> f)
                throws InterruptedException {
            try {
                return f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                pipeline.abort(e.getCause());
                return java.util.Optional.empty();
            }
        }

        /** Opens a slide and gets its tile grid; a failure is recorded and yields no job. Runs on a planner thread. */
        private java.util.Optional<SlideJob> plan(SlideRecord record) {
            Slide slide = null;
            try {
                Path path = Path.of(record.path());
                if (!Files.exists(path)) {
                    throw new IOException(path + ": file not found; if it moved, add it again with 'tessera slides add' "
                            + "(it is recognised by content)");
                }
                slide = Slides.open(path, record.mppSource().equals("user") ? OptionalDouble.of(record.mpp()) : OptionalDouble.empty());
                if (!slide.fingerprint().equals(record.fingerprint())) {
                    throw new IOException(path + ": content changed since it was added (fingerprint " + slide.fingerprint()
                            + ", catalogue " + record.fingerprint() + "); add it again");
                }
                List<Tile> grid = source.ensure(record, slide, tilingId);
                if (grid.isEmpty()) {
                    throw new IOException(path + ": " + source.noTilesReason());
                }
                FeatureKey key = new FeatureKey(record.slideId(), tilingId, weightsSha256, stain);
                TileReader reader = new TileReader(slide, source.mpp() / record.mpp(), source.tilePx(), stainOp, preprocessor,
                        source.variants());
                return java.util.Optional.of(new SlideJob(record, key, grid, slide, reader));
            } catch (IOException | SQLException | RuntimeException e) {
                if (slide != null) {
                    slide.close();
                }
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                planFailures.add(new ExtractionReport.Failure(record.path(), message));
                budget.release(record);
                slideFinished();
                return java.util.Optional.empty();
            }
        }

        private void readTile(SlideJob job, Tile tile) {
            try {
                TileItem item;
                if (job.failed() || pipeline.aborted()) {
                    item = TileItem.skipped(job, tile.index());
                } else {
                    try {
                        item = new TileItem(job, tile.index(), job.reader.read(tile));
                    } catch (IOException | RuntimeException e) {
                        job.fail("tile " + tile.index() + " at (" + tile.x() + "," + tile.y() + "): " + e.getMessage());
                        item = TileItem.skipped(job, tile.index());
                    }
                }
                pipeline.put(tiles, item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void slideFinished() {
            slidesDone.incrementAndGet();
            report();
        }

        private void tilesEmbedded(int n) {
            tilesDone.addAndGet(n);
            report();
        }

        private void report() {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            long done = tilesDone.get();
            progress.accept(new Progress(slidesDone.get(), todo.size(), done, tilesTotal.get(),
                    seconds > 0 ? done / seconds : 0, current));
        }
    }
}
