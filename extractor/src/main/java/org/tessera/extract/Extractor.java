package org.tessera.extract;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.tessera.backbone.BackboneException;
import org.tessera.backbone.DeviceChoice;
import org.tessera.backbone.DeviceSelector;
import org.tessera.backbone.Embedder;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.stain.StainNormalization;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureKey;
import org.tessera.store.FeatureStore;
import org.tessera.store.RunLog;
import org.tessera.store.SlideRecord;
import org.tessera.store.SoftwareVersion;
import org.tessera.tiling.SpotPatchSpec;
import org.tessera.tissue.TissueDetector;

/**
 * Embeds every tile of the selected slides once, with one or more backbones. The work is keyed by slide content
 * x tiling x backbone weights x stain ({@link FeatureKey}): sets already in the store are skipped without loading
 * the model, and a slide done for one backbone but not another is run for the missing one only.
 *
 * <p>Each tile is read, resampled and stain-normalised once and preprocessed once per distinct preprocessing
 * (input size, channel order, mean, std) among the backbones that need it, then fed to each of them; each
 * backbone's sets are written and committed on their own and each backbone has its own {@code extraction_runs}
 * row. The threads are described in {@link ExtractionRun}; the sessions in {@link SessionPlan}.
 *
 * <p>The tiles come from a {@link TileSource}: the tissue grid of the options' tiling, or with
 * {@link #forSpots} the patches centred on spatial transcriptomics spots (options' tiling then unused).
 */
public final class Extractor {
    private final FeatureStore store;
    private final ExtractionOptions options;
    private final TileSource source;

    /** Embeds the tissue grid of {@code options.tiling()}. */
    public Extractor(FeatureStore store, ExtractionOptions options) {
        this(store, options, new GridBuilder(store, new TissueDetector(), options.previews(), options.tiling()));
    }

    /** Embeds the tiles {@code source} gives (tests use it to put faults in a source). */
    Extractor(FeatureStore store, ExtractionOptions options, TileSource source) {
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
        if (!(source instanceof GridBuilder grid)) {
            throw new IllegalArgumentException("a region or sharpness selection applies to tissue tiles, not to spot patches");
        }
        return new Extractor(store, options, new SelectedSource(store, grid, selection));
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
        List<BackboneRecord> backbones = registered();
        String tilingId = tilingId();
        String stain = stain();
        long start = System.nanoTime();
        // needs[lane]: the slide's set for that backbone is missing.
        Map<String, boolean[]> needs = new LinkedHashMap<>();
        int[] skipped = new int[backbones.size()];
        for (SlideRecord s : slides) {
            boolean[] need = new boolean[backbones.size()];
            boolean any = false;
            for (int lane = 0; lane < backbones.size(); lane++) {
                need[lane] = !store.embeddings().exists(key(s, tilingId, backbones.get(lane), stain));
                skipped[lane] += need[lane] ? 0 : 1;
                any |= need[lane];
            }
            if (any) {
                needs.put(s.slideId(), need);
            }
        }
        List<SlideRecord> todo = new ArrayList<>(slides.stream().filter(s -> needs.containsKey(s.slideId())).toList());
        // Sets an earlier --region/--min-sharpness run left partial: reported, not silently skipped, per backbone.
        List<List<ExtractionReport.Failure>> partial = partialSets(backbones, slides, needs, tilingId, stain);
        List<ExtractionReport.Failure> allPartial = partial.stream().flatMap(List::stream).toList();
        // Smallest slides first: the first plan (decode, thumbnail, tissue) is the only one the backbone waits for.
        todo.sort(Comparator.comparingLong((SlideRecord s) -> s.width() * s.height()).thenComparing(SlideRecord::slideId));
        // Resolved only when there is work: a no-op run does not even start ONNX Runtime. A forced GPU that is not
        // there fails here, before any row is written.
        DeviceChoice device = todo.isEmpty() ? options.requestedDevice()
                : DeviceSelector.probe().resolve(options.requestedDevice());
        int batchSize = options.batchSizeOn(device);
        int[] runIds = new int[backbones.size()];
        for (int lane = 0; lane < backbones.size(); lane++) {
            BackboneRecord b = backbones.get(lane);
            runIds[lane] = store.runs().start(new RunLog.Start(b.backbone(), b.weightsSha256(), tilingId, stain,
                    device.name().toLowerCase(Locale.ROOT), batchSize, SoftwareVersion.get(),
                    parameters(tilingId, stain, batchSize, backbones), slides.size()));
        }
        if (todo.isEmpty()) {
            double seconds = (System.nanoTime() - start) / 1e9;
            List<ExtractionReport.BackboneRun> runs = new ArrayList<>();
            for (int lane = 0; lane < backbones.size(); lane++) {
                List<ExtractionReport.Failure> earlier = partial.get(lane);
                store.runs().finish(runIds[lane], new RunLog.Finish(0, skipped[lane], earlier.size(), 0, seconds,
                        FailureLog.reasonsJson(earlier), FailureLog.causesJson(earlier), Optional.empty()));
                runs.add(new ExtractionReport.BackboneRun(backbones.get(lane).backbone(), runIds[lane], 0, skipped[lane],
                        earlier.size(), 0, 0, "none (nothing to do)"));
            }
            return new ExtractionReport(runIds[0], slides.size(), 0, slides.size(), allPartial, 0, 0, seconds,
                    "none (nothing to do)", 0, runs, 0, 0, 0, Optional.empty());
        }
        SessionPlan plan = SessionPlan.of(backbones.size(), device, options.gpus(), options.inferenceThreads(),
                Runtime.getRuntime().availableProcessors()).pinned(CpuAffinity.enabled() ? CpuAffinity.allowed() : new int[0]);
        List<List<Embedder>> models = new ArrayList<>();
        List<List<Integer>> pins = new ArrayList<>();
        FailureLog log = FailureLog.forRun(store.root(), runIds[0]);
        try (BufferAllocator allocator = new RootAllocator();
                DuckDBConnection writerConnection = store.newConnection()) {
            for (int lane = 0; lane < backbones.size(); lane++) {
                List<Embedder> sessions = new ArrayList<>();
                List<Integer> pinned = new ArrayList<>();
                models.add(sessions);
                pins.add(pinned);
                if (busy(needs, lane)) {
                    for (SessionPlan.Session s : plan.of(lane)) {
                        sessions.add(BackboneRegistry.load(backbones.get(lane), s.device(), s.intraOpThreads(), source.tilePx(),
                                Math.max(0, s.gpu())));
                        pinned.add(s.cpu());
                    }
                }
            }
            List<ExtractionRun.Lane> lanes = lanes(backbones, runIds, models, pins, tilingId, stain);
            ExtractionRun run = new ExtractionRun(store, options, source, tilingId, lanes, batchSize, todo, needs, log, allocator,
                    writerConnection, progress);
            ExtractionReport report = run.execute(slides.size(), start).withEarlierFailures(allPartial);
            for (int lane = 0; lane < backbones.size(); lane++) {
                ExtractionReport.BackboneRun r = report.backbones().get(lane);
                List<ExtractionReport.Failure> failed = new ArrayList<>(partial.get(lane));
                failed.addAll(run.failures(lane));
                store.runs().finish(runIds[lane], new RunLog.Finish(r.slidesExtracted(), skipped[lane],
                        failed.size(), r.tilesEmbedded(), report.seconds(), FailureLog.reasonsJson(failed), FailureLog.causesJson(failed),
                        run.failures(lane).isEmpty() ? Optional.empty() : log.path()));
                store.runs().readers(runIds[lane], org.tessera.store.Json.write(new java.util.TreeMap<>(run.readers())));
            }
            return report;
        } finally {
            for (List<Embedder> sessions : models) {
                for (Embedder m : sessions) {
                    m.close();
                }
            }
        }
    }

    private List<BackboneRecord> registered() throws SQLException, BackboneException {
        List<BackboneRecord> out = new ArrayList<>();
        Map<String, String> byWeights = new HashMap<>();
        for (String name : options.backbones()) {
            BackboneRecord r = BackboneRegistry.registered(store, name);
            String twin = byWeights.putIfAbsent(r.weightsSha256(), r.backbone());
            if (twin != null) {
                throw new BackboneException("backbones '" + twin + "' and '" + name + "' have the same weights (sha256 "
                        + r.weightsSha256() + "), so the same embeddings: name one of them");
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Per backbone, the slides it skips because their set exists but holds only some of the grid's tiles (an
     * earlier --region or --min-sharpness run); tissue grids only.
     */
    private List<List<ExtractionReport.Failure>> partialSets(List<BackboneRecord> backbones, List<SlideRecord> slides, Map<String, boolean[]> needs, String tilingId,
            String stain) throws SQLException {
        List<List<ExtractionReport.Failure>> out = new ArrayList<>();
        for (int lane = 0; lane < backbones.size(); lane++) {
            int l = lane;
            List<SlideRecord> todo = slides.stream().filter(s -> needs.containsKey(s.slideId()) && needs.get(s.slideId())[l]).toList();
            out.add(source instanceof GridBuilder
                    ? SelectedSource.partialSets(store, slides, todo, tilingId, backbones.get(lane).weightsSha256(), stain) : List.of());
        }
        return out;
    }

    private static boolean busy(Map<String, boolean[]> needs, int lane) {
        return needs.values().stream().anyMatch(n -> n[lane]);
    }

    private static FeatureKey key(SlideRecord s, String tilingId, BackboneRecord b, String stain) {
        return new FeatureKey(s.slideId(), tilingId, b.weightsSha256(), stain);
    }

    /** The lanes, each busy one with the number of its preprocessing among the distinct ones. */
    private static List<ExtractionRun.Lane> lanes(List<BackboneRecord> backbones, int[] runIds, List<List<Embedder>> models,
            List<List<Integer>> cpus, String tilingId, String stain) {
        List<TilePreprocessor> distinct = new ArrayList<>();
        List<ExtractionRun.Lane> lanes = new ArrayList<>();
        for (int lane = 0; lane < backbones.size(); lane++) {
            List<Embedder> sessions = models.get(lane);
            int group = -1;
            TilePreprocessor pre = null;
            if (!sessions.isEmpty()) {
                pre = sessions.get(0).preprocessor();
                group = distinct.indexOf(pre);
                if (group < 0) {
                    distinct.add(pre);
                    group = distinct.size() - 1;
                }
            }
            BackboneRecord b = backbones.get(lane);
            lanes.add(new ExtractionRun.Lane(lane, b, runIds[lane], sessions, cpus.get(lane), group, pre,
                    slideId -> new FeatureKey(slideId, tilingId, b.weightsSha256(), stain)));
        }
        return lanes;
    }

    private RunParameters parameters(String tilingId, String stain, int batchSize, List<BackboneRecord> backbones) {
        return new RunParameters(source.parameters(), tilingId, stain, batchSize, options.readerThreads(), options.inferenceThreads(),
                options.partRows(), backbones.stream().map(BackboneRecord::backbone).toList(), options.gpus());
    }

    /** A run's parameters: the tile source's, then the run's own (one flat JSON object in the run log). */
    record RunParameters(@com.fasterxml.jackson.annotation.JsonUnwrapped Object source, String tilingId, String stain,
            int batchSize, int readerThreads, int inferenceThreads, int partRows, List<String> backbones, List<Integer> gpus) {
    }
}
