package org.tessera.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;
import org.tessera.backbone.BackboneException;
import org.tessera.backbone.Embedder;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.stain.MacenkoNormalizer;
import org.tessera.stain.StainNormalization;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureKey;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.ReadOrder;
import org.tessera.tiling.Tile;

/**
 * One extraction run's threads and counters. The calling thread hands slides to planner threads (open, tile
 * grid) ahead of time, at most {@value #SLIDES_IN_FLIGHT} open at once, and queues each planned slide's tiles to
 * a pool of reader threads. A reader reads, resamples and preprocesses a tile once and puts it on the queue of
 * every backbone ("lane") the slide needs. Each lane has one inference thread per session (see
 * {@link SessionPlan}) batching tiles across slide boundaries, so a backbone never waits at slide boundaries; one
 * writer thread streams all lanes' embeddings into Parquet and commits each set as soon as its last tile is in.
 * A bad slide is recorded (with its cause, in the {@link FailureLog}) and skipped; a backbone or store failure
 * stops the run, leaving the store as it was after the last committed set.
 */
final class ExtractionRun {
    /** Slides open at once (planned or being read), also bounded by memory: see {@link SlideBudget}. */
    private static final int SLIDES_IN_FLIGHT = 3;
    /** Threads planning slides ahead (decode, thumbnail, tissue, grid) while the backbones work. */
    private static final int PLANNERS = 2;

    /**
     * One backbone of the run: its record and {@code extraction_runs} row, its sessions (none when every selected
     * slide already has its set) with the CPU each one's inference thread is pinned to (-1: none), the number of its
     * preprocessing among the run's distinct ones (-1 when idle), and how its sets are keyed.
     */
    record Lane(int index, BackboneRecord record, int runId, List<Embedder> sessions, List<Integer> cpus, int group,
            TilePreprocessor preprocessor, Function<String, FeatureKey> key) {
        Lane {
            sessions = List.copyOf(sessions);
            cpus = List.copyOf(cpus);
            if (cpus.size() != sessions.size()) {
                throw new IllegalArgumentException(sessions.size() + " sessions but " + cpus.size() + " CPUs");
            }
        }

        boolean busy() {
            return !sessions.isEmpty();
        }
    }

    private final ExtractionOptions options;
    private final String tilingId;
    private final TileSource source;
    private final List<Lane> lanes;
    private final List<SlideRecord> todo;
    private final Map<String, boolean[]> needs;
    private final FailureLog log;
    private final Consumer<Progress> progress;
    private final Pipeline pipeline = new Pipeline();
    private final List<BlockingQueue<TileItem>> queues = new ArrayList<>();
    private final BlockingQueue<EmbeddedBatch> embedded = new ArrayBlockingQueue<>(8);
    private final SlideBudget budget = SlideBudget.forHeap(SLIDES_IN_FLIGHT);
    private final List<InferenceLoop> inference = new ArrayList<>();
    private final List<Lane> loopLanes = new ArrayList<>();
    private final SetSink sink;
    private final List<List<ExtractionReport.Failure>> planFailures = new ArrayList<>();
    private final AtomicInteger slidesDone = new AtomicInteger();
    private final AtomicLong tilesDone = new AtomicLong();
    private final AtomicLong tilesTotal = new AtomicLong();
    private final AtomicLong tileReads = new AtomicLong();
    private final AtomicLong preprocessed = new AtomicLong();
    /** Slides opened per pixel reader ({@link Slide#reader()}), for the run log. */
    private final Map<String, Integer> readers = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Every job handed to the readers, so an aborted run can release what unfinished ones hold. */
    private final List<SlideJob> started = new ArrayList<>();
    private final List<TilePreprocessor> groups;
    private final UnaryOperator<BufferedImage> stainOp;
    private volatile String current = "";
    private long startNanos;

    /**
     * @param batchSize images per backbone call
     * @param todo the slides to plan, in order
     * @param needs by slide id, which lanes need its set
     */
    ExtractionRun(FeatureStore store, ExtractionOptions options, TileSource source, String tilingId, List<Lane> lanes,
            int batchSize, List<SlideRecord> todo, Map<String, boolean[]> needs, FailureLog log, BufferAllocator allocator,
            DuckDBConnection writerConnection, Consumer<Progress> progress) {
        this.options = options;
        this.tilingId = tilingId;
        this.source = source;
        this.lanes = List.copyOf(lanes);
        this.todo = List.copyOf(todo);
        this.needs = needs;
        this.log = log;
        this.progress = progress;
        this.stainOp = options.macenko() ? new MacenkoNormalizer(StainNormalization.MACENKO_DEFAULT)::normalize : UnaryOperator.identity();
        int variants = source.variants();
        int tilesPerBatch = Math.max(1, batchSize / variants); // the embedder sees about batchSize images
        List<TilePreprocessor> distinct = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        for (Lane lane : lanes) {
            planFailures.add(Collections.synchronizedList(new ArrayList<>()));
            // Bounded in tiles of all their variants: 8 variants of a 224 px patch take 4.8 MB.
            BlockingQueue<TileItem> queue = new ArrayBlockingQueue<>(Math.max(4 * tilesPerBatch, 16));
            queues.add(queue);
            if (!lane.busy()) {
                continue;
            }
            while (distinct.size() <= lane.group()) {
                distinct.add(null);
            }
            distinct.set(lane.group(), lane.preprocessor());
            for (int i = 0; i < lane.sessions().size(); i++) {
                running.incrementAndGet();
                inference.add(new InferenceLoop(lane.index(), lane.group(), lane.sessions().get(i), lane.cpus().get(i),
                        variants * lane.preprocessor().floatsPerTile(), variants, tilesPerBatch, queue, embedded, pipeline, running));
                loopLanes.add(lane);
            }
        }
        this.groups = distinct;
        int[] runIds = lanes.stream().mapToInt(Lane::runId).toArray();
        this.sink = new SetSink(embedded, store.embeddings(), writerConnection, allocator, options.partRows(), runIds,
                lanes.stream().map(l -> l.record().backbone()).toList(), budget, pipeline, log, job -> slideFinished(),
                this::tilesEmbedded);
    }

    /** Backbone number {@code lane}'s failed slides, after {@link #execute}. */
    List<ExtractionReport.Failure> failures(int lane) {
        List<ExtractionReport.Failure> out = new ArrayList<>(planFailures.get(lane));
        out.addAll(sink.failures(lane));
        return out;
    }

    ExtractionReport execute(int selected, long start) throws InterruptedException, IOException {
        startNanos = System.nanoTime();
        List<Thread> inferenceThreads = new ArrayList<>();
        for (int i = 0; i < inference.size(); i++) {
            inferenceThreads.add(Thread.ofPlatform().name("tessera-inference-" + loopLanes.get(i).record().backbone() + "-" + i)
                    .start(inference.get(i)));
        }
        Thread writerThread = Thread.ofPlatform().name("tessera-writer").start(sink);
        ExecutorService readers = Executors.newFixedThreadPool(options.readerThreads(),
                Thread.ofPlatform().name("tessera-reader-", 0).daemon(true).factory());
        ExecutorService planners = Executors.newFixedThreadPool(PLANNERS,
                Thread.ofPlatform().name("tessera-planner-", 0).daemon(true).factory());
        try {
            // Plans run ahead on their own threads, at most SLIDES_IN_FLIGHT slides open; tiles are queued in
            // slide order so each slide's sets complete as early as possible.
            ArrayDeque<Future<Optional<SlideJob>>> ahead = new ArrayDeque<>();
            ListIterator<SlideRecord> next = todo.listIterator();
            while (next.hasNext() || !ahead.isEmpty()) {
                while (next.hasNext() && !pipeline.aborted() && budget.tryAcquire(todo.get(next.nextIndex()))) {
                    SlideRecord record = next.next();
                    ahead.add(planners.submit(() -> plan(record)));
                }
                if (ahead.isEmpty()) {
                    if (pipeline.aborted()) {
                        break;
                    }
                    budget.awaitRelease();
                    continue;
                }
                Optional<SlideJob> planned = await(ahead.poll());
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
                tilesTotal.addAndGet((long) job.tiles.size() * job.targetCount());
                for (int position : ReadOrder.strips(job.tiles, ReadOrder.STRIP_TILES)) {
                    readers.execute(() -> readTile(job, position));
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
                for (Lane lane : lanes) {
                    if (lane.busy()) {
                        pipeline.put(queues.get(lane.index()), TileItem.END);
                    }
                }
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
        return report(selected, start);
    }

    private ExtractionReport report(int selected, long start) {
        double wall = (System.nanoTime() - start) / 1e9;
        List<ExtractionReport.BackboneRun> runs = new ArrayList<>();
        Set<String> devices = new LinkedHashSet<>();
        for (Lane lane : lanes) {
            long tiles = 0;
            long batches = 0;
            for (int i = 0; i < inference.size(); i++) {
                if (loopLanes.get(i) == lane) {
                    tiles += inference.get(i).tiles();
                    batches += inference.get(i).batches();
                }
            }
            String device = lane.busy() ? lane.sessions().size() + " x " + lane.sessions().get(0).deviceDescription() + pinning(lane)
                    : "none (nothing to do)";
            if (lane.busy()) {
                devices.add(device);
            }
            int skipped = (int) (selected - needs.values().stream().filter(n -> n[lane.index()]).count());
            runs.add(new ExtractionReport.BackboneRun(lane.record().backbone(), lane.runId(), sink.extracted(lane.index()), skipped,
                    failures(lane.index()).size(), tiles, batches, device));
        }
        long tilesEmbedded = runs.stream().mapToLong(ExtractionReport.BackboneRun::tilesEmbedded).sum();
        long batches = runs.stream().mapToLong(ExtractionReport.BackboneRun::inferenceBatches).sum();
        double busy = inference.stream().mapToDouble(InferenceLoop::busySeconds).sum() / (inference.size() * wall);
        return new ExtractionReport(lanes.get(0).runId(), selected, sink.slidesExtracted(), selected - todo.size(), log.failures(),
                tilesEmbedded, batches, wall, String.join("; ", devices), busy, runs, tileReads.get(), preprocessed.get(),
                inference.stream().mapToDouble(InferenceLoop::cpuSeconds).sum(), log.path());
    }

    /** ", threads pinned to CPUs 0, 1" when the lane's inference threads are pinned, else "". */
    private static String pinning(Lane lane) {
        List<Integer> pinned = lane.cpus().stream().filter(c -> c >= 0).toList();
        return pinned.isEmpty() ? "" : ", threads pinned to CPUs " + pinned.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /** After an abort (threads joined): closes unfinished slides and discards their staged parts. */
    private void releaseUnfinished() throws IOException {
        for (SlideJob job : started) {
            if (!job.complete()) {
                try (Slide slide = job.opened) {
                    for (SlideJob.Target t : job.targets) {
                        if (t != null && t.writer != null) {
                            t.writer.close();
                        }
                    }
                }
            }
        }
    }

    private Optional<SlideJob> await(Future<Optional<SlideJob>> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            pipeline.abort(e.getCause());
            return Optional.empty();
        }
    }

    /** Slides opened so far per pixel reader, in the readers' alphabetical order. */
    Map<String, Integer> readers() {
        return Map.copyOf(readers);
    }

    /** Opens a slide and gets its tile grid; a failure is recorded and yields no job. Runs on a planner thread. */
    private Optional<SlideJob> plan(SlideRecord record) {
        Slide slide = null;
        boolean[] need = needs.get(record.slideId());
        try {
            Path path = Path.of(record.path());
            if (!Files.exists(path)) {
                throw new IOException(path + ": file not found; if it moved, add it again with 'tessera slides add' "
                        + "(it is recognised by content)");
            }
            slide = Slides.open(path, record.mppSource().equals("user") ? OptionalDouble.of(record.mpp()) : OptionalDouble.empty());
            readers.merge(slide.reader(), 1, Integer::sum);
            if (!slide.fingerprint().equals(record.fingerprint())) {
                throw new IOException(path + ": content changed since it was added (fingerprint " + slide.fingerprint()
                        + ", catalogue " + record.fingerprint() + "); add it again");
            }
            TileSource.Planned grid = source.ensure(record, slide, tilingId);
            if (grid.tiles().isEmpty()) {
                throw new IOException(path + ": " + source.noTilesReason());
            }
            List<TilePreprocessor> used = new ArrayList<>(Collections.nCopies(groups.size(), (TilePreprocessor) null));
            SlideJob.Target[] targets = new SlideJob.Target[lanes.size()];
            for (Lane lane : lanes) {
                if (need[lane.index()]) {
                    used.set(lane.group(), groups.get(lane.group()));
                    targets[lane.index()] = new SlideJob.Target(lane.key().apply(record.slideId()));
                }
            }
            TileReader reader = new TileReader(slide, source.mpp() / record.mpp(), source.tilePx(), stainOp, used, source.variants());
            return Optional.of(new SlideJob(record, grid, slide, reader, targets));
        } catch (IOException | SQLException | RuntimeException e) {
            if (slide != null) {
                slide.close();
            }
            ExtractionReport.Failure f = ExtractionReport.Failure.of(record.path(), "", e);
            List<String> names = new ArrayList<>();
            for (Lane lane : lanes) {
                if (need[lane.index()]) {
                    planFailures.get(lane.index()).add(f);
                    names.add(lane.record().backbone());
                }
            }
            log.add(f, names);
            budget.release(record);
            slideFinished();
            return Optional.empty();
        }
    }

    /**
     * Reads the slide's tile at {@code position} once, measures its sharpness when the grid still needs it, and hands it
     * to every backbone the slide needs. Runs on a reader thread.
     */
    private void readTile(SlideJob job, int position) {
        Tile tile = job.tiles.get(position);
        try {
            TileItem item;
            if (job.failed() || pipeline.aborted()) {
                item = TileItem.skipped(job, tile.index());
            } else {
                try {
                    float[][] inputs;
                    if (job.sharpness.isPresent()) {
                        TileReader.Measured read = job.reader.readMeasured(tile);
                        job.sharpness.get().record(position, read.sharpness());
                        inputs = read.inputs();
                    } else {
                        inputs = job.reader.read(tile);
                    }
                    item = new TileItem(job, tile.index(), inputs);
                    tileReads.incrementAndGet();
                    preprocessed.addAndGet(job.reader.preprocessings());
                } catch (IOException | SQLException | RuntimeException e) {
                    job.fail(ExtractionReport.Failure.of(job.slide.path(), "tile " + tile.index() + " at (" + tile.x() + ","
                            + tile.y() + ")", e));
                    item = TileItem.skipped(job, tile.index());
                }
            }
            for (Lane lane : lanes) {
                if (job.targets[lane.index()] != null) {
                    pipeline.put(queues.get(lane.index()), item);
                }
            }
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
        progress.accept(new Progress(slidesDone.get(), todo.size(), done, tilesTotal.get(), seconds > 0 ? done / seconds : 0, current));
    }
}
