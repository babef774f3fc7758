package org.tessera.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.tessera.backbone.DeviceChoice;
import org.tessera.extract.ExtractionOptions;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.Extractor;
import org.tessera.extract.Shard;
import org.tessera.extract.ShardSelection;
import org.tessera.extract.TileSelection;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.store.SpotPatchCatalogue;
import org.tessera.tiling.Sharpness;
import org.tessera.tiling.SpotPatchSpec;
import org.tessera.tiling.TilingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "extract", description = {
    "Embed every tile of the store's slides with a registered backbone, once.",
    "",
    "Tiles are squares of --tile-px pixels at --mpp micrometres per pixel (default 224 px at 0.5 um/px",
    "= 112 um, HEST's convention; PathoMCH's 512 px at 20x is --tile-px 512 --mpp 0.5), read from the",
    "best pyramid level and resampled. Tissue is found on a thumbnail (Otsu on saturation, pen marks",
    "rejected); tiles with at least --min-tissue tissue are kept. A PNG per slide in the store's",
    "previews/ shows the thumbnail, the tissue mask and the kept tiles.",
    "",
    "Work is keyed by slide content x tiling x backbone weights x stain: running again does no inference",
    "for finished slides, a killed run resumes where it stopped, and a second backbone reuses the tile",
    "grids. Slides that fail are listed at the end (exit code 1); the others are still extracted.",
    "",
    "With --spots, the tiles are instead squares of --patch-um micrometres centred on each spot of the",
    "spatial transcriptomics sections imported with 'tessera import st' (all, or --sections), resampled",
    "to --mpp; patches reaching past the image are padded with white. --tta 8 embeds the 8 rotations and",
    "mirrorings of each patch and stores their mean. Results: the view spot_embeddings and the feature",
    "set sql/feature-sets/spots.sql. --backbone colour_baseline (built in, no model file) gives 12 colour",
    "features (mean and std of R, G, B and of the H, E, D optical densities) instead of a network's.",
    "",
    "Many machines: --shard I/N extracts only the slides with sha256(slide id) mod N = I into --store,",
    "a fragment (a complete store of its own); --from MAIN first copies MAIN's slides, backbones and",
    "tilings into the fragment (MAIN opened read-only, briefly) and skips slides MAIN already has.",
    "Without I/N, I and N come from a SLURM array task (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT);",
    "with /N, I comes from SLURM_ARRAY_TASK_ID or a Kubernetes indexed Job's JOB_COMPLETION_INDEX.",
    "Merge the fragments with 'tessera store merge'; templates are in deploy/ (see README, Many machines).",
    "",
    "Every tile's sharpness (variance of the Laplacian of the grey tile, as EMO) is stored with the grid",
    "(table tile_sharpness). --min-sharpness embeds only sharp tiles; --region CLASS only the tiles an",
    "annotation class covers (tessera annotations import, tessera tma dearray). A slide's embeddings then",
    "hold only those tiles; a later run without them reports such slides instead of skipping them."},
    footer = {"", "Examples:",
        "  tessera extract --store st --backbone mobilenet_v2_imagenet",
        "  tessera extract --store st --backbone mobilenet_v2_imagenet,inception_v3_mixed5_imagenet   # one read per tile for both",
        "  tessera extract --store st --backbone uni --devices 0,1 --batch-size 256                 # two GPUs",
        "  tessera extract --store st --spots --sections C2,C3 --patch-um 112 --mpp 0.5 --tta 8 --backbone mobilenet_v2_imagenet",
        "  tessera extract --store st --spots --backbone colour_baseline",
        "  tessera extract --shard 3/8 --store frag-3 --from main --backbone mobilenet_v2_imagenet",
        "  tessera extract --shard --store frag-$SLURM_ARRAY_TASK_ID --from main --backbone mobilenet_v2_imagenet",
        "  tessera extract --store st --backbone mobilenet_v2_imagenet --region Tumor --min-sharpness"})
final class ExtractCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--backbone", required = true, split = ",", paramLabel = "NAME",
            description = "Backbones registered with 'tessera backbone add', or the built-in colour_baseline; several "
                    + "(a,b,...) read and preprocess each tile once and feed it to all, each writing its own sets.")
    List<String> backbones;

    @Option(names = "--tile-px", defaultValue = "224", description = "Tile side in pixels (default: ${DEFAULT-VALUE}).")
    int tilePx;

    @Option(names = "--mpp", defaultValue = "0.5", description = "Tile (or spot patch) pixel size in um/px (default: ${DEFAULT-VALUE}).")
    double mpp;

    @Option(names = "--spots", description = "Embed patches centred on the spots of the imported spatial transcriptomics sections instead of tissue tiles.")
    boolean spots;

    @Option(names = "--sections", split = ",", paramLabel = "NAME", description = "With --spots: only these sections, e.g. C2,C3 (default: all with an image).")
    List<String> sections = List.of();

    @Option(names = "--patch-um", defaultValue = "112", description = "With --spots: patch side in um (default: ${DEFAULT-VALUE}, HEST; ST-Net used about 150).")
    double patchUm;

    @Option(names = "--tta", defaultValue = "1", description = "With --spots: 1, or 8 to average the 8 rotations/mirrorings of each patch (default: ${DEFAULT-VALUE}).")
    int tta;

    @Option(names = "--stride", paramLabel = "PX", description = "Step between tiles in tile pixels (default: the tile size, no overlap).")
    Integer stride;

    @Option(names = "--min-tissue", defaultValue = "0.5", description = "Minimum tissue fraction of a kept tile (default: ${DEFAULT-VALUE}).")
    double minTissue;

    @Option(names = "--slides", paramLabel = "SQL", defaultValue = "SELECT slide_id FROM slides",
            description = "Query returning the slide ids to extract (default: all), e.g. \"SELECT slide_id FROM slides WHERE cohort = 'HER2ST'\".")
    String slidesQuery;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}; gpu needs CUDA and onnxruntime_gpu).")
    String device;

    @Option(names = "--devices", split = ",", paramLabel = "ID",
            description = "GPUs to run on, e.g. 0,1: one session and inference thread per GPU and backbone, batches spread over them (implies --device gpu).")
    List<Integer> gpus = List.of();

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Images per backbone call (default: 16 on the CPU, 128 on a GPU); with --tta 8, batch-size / 8 patches of 8 variants each.")
    Integer batchSize;

    @Option(names = "--readers", defaultValue = "2", description = "Threads reading and preprocessing tiles (default: ${DEFAULT-VALUE}).")
    int readers;

    @Option(names = "--inference-threads", description = "Backbone sessions run in parallel on the CPU (default: one per core, at most 4). "
            + "Single-threaded sessions' threads are pinned one per core (-Dtessera.cpu.pin=false in TESSERA_JAVA_OPTS: not).")
    Integer inferenceThreads;

    @Option(names = "--stain", defaultValue = "none", description = "none or macenko (default: ${DEFAULT-VALUE}).")
    String stain;

    @Option(names = "--no-previews", description = "Do not write the tiling preview PNGs.")
    boolean noPreviews;

    @Option(names = "--shard", arity = "0..1", fallbackValue = "", paramLabel = "I/N",
            description = "Extract only shard I of N (0-based); I/N from SLURM_ARRAY_TASK_ID/COUNT when omitted, I from the environment with /N.")
    String shard;

    @Option(names = "--from", paramLabel = "MAIN", description = "Main store to seed this fragment from (read-only); slides it already has are skipped.")
    java.nio.file.Path from;

    @Option(names = "--region", paramLabel = "CLASS", description = "Embed only tiles covered by this annotation class "
            + "(see 'tessera annotations import'; 'TMA core' after 'tessera tma dearray').")
    String region;

    @Option(names = "--region-fraction", paramLabel = "F", defaultValue = "0.5",
            description = "With --region: the share of a tile the class must cover (default: ${DEFAULT-VALUE}).")
    double regionFraction;

    @Option(names = "--min-sharpness", paramLabel = "V", arity = "0..1", fallbackValue = "" + Sharpness.DEFAULT_MIN,
            description = "Embed only tiles at least this sharp (variance of the Laplacian, as EMO; alone: "
                    + Sharpness.DEFAULT_MIN + ", which drops blurred tiles). Blurred tiles are crossed in the preview.")
    Double minSharpness;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ExtractionOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        SpotPatchSpec patches = spots ? spotSpec() : null;
        if (spots && (region != null || minSharpness != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--region and --min-sharpness apply to tissue tiles, not --spots");
        }
        if (!spots && !sections.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--sections needs --spots");
        }
        ShardSelection selection = shardSelection();
        try (FeatureStore s = FeatureStore.open(store.store)) {
            Extractor extractor = spots ? Extractor.forSpots(s, options, patches) : new Extractor(s, options).select(tileSelection());
            ShardSelection.Result chosen = selection.select(s, extractor, backbones, st -> spots ? sectionSlides(st) : st.slides().select(slidesQuery));
            List<SlideRecord> slides = chosen.slides();
            if (selection.shard().isPresent() || selection.main().isPresent()) {
                out.printf("shard %s: %d of %d selected slides are this shard's, %d of them already in %s, %d to extract%n",
                        selection.shard().map(Shard::toString).orElse("0/1"), chosen.selected() - chosen.otherShards(), chosen.selected(),
                        chosen.inMain(), selection.main().map(Object::toString).orElse("-"), slides.size());
            }
            if (slides.isEmpty()) {
                out.println(chosen.selected() > 0 ? "nothing to extract in this shard"
                        : spots ? "no spatial transcriptomics section with an image; import some with 'tessera import st'"
                        : "no slides selected; add some with 'tessera slides add'");
                return 0;
            }
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
            ExtractionReport report = extractor.run(slides, bar);
            bar.finish();
            Summaries.extraction(out, report, s);
            return Reports.failures(spec.commandLine().getErr(), "slides", report.failures());
        }
    }

    private ShardSelection shardSelection() {
        try {
            return new ShardSelection(java.util.Optional.ofNullable(shard).map(v -> Shard.resolve(v, System.getenv())),
                    java.util.Optional.ofNullable(from));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private SpotPatchSpec spotSpec() {
        try {
            return new SpotPatchSpec(patchUm, mpp, tta);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The images of the chosen sections, each once. */
    private List<SlideRecord> sectionSlides(FeatureStore s) throws java.sql.SQLException {
        List<String> ids = s.spotPatches().sections(sections).stream().map(SpotPatchCatalogue.Section::slideId).distinct()
                .map(id -> "'" + id.replace("'", "''") + "'").toList();
        return ids.isEmpty() ? List.of() : s.slides().select("SELECT slide_id FROM slides WHERE slide_id IN (" + String.join(", ", ids) + ")");
    }

    private TileSelection tileSelection() {
        try {
            return new TileSelection(java.util.Optional.ofNullable(region), regionFraction, minSharpness == null ? 0 : minSharpness);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    ExtractionOptions options() {
        if (!stain.equals("none") && !stain.equals("macenko")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--stain must be none or macenko, got " + stain);
        }
        DeviceChoice d;
        try {
            d = DeviceChoice.valueOf(device.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--device must be auto, cpu or gpu, got " + device);
        }
        TilingSpec tiling = new TilingSpec(tilePx, mpp, stride == null ? tilePx : stride, minTissue);
        int workers = inferenceThreads != null ? inferenceThreads : ExtractionOptions.defaults(backbones.get(0)).inferenceThreads();
        try {
            return new ExtractionOptions(backbones, tiling, d, gpus, batchSize == null ? 0 : batchSize, readers, workers,
                    stain.equals("macenko"), 8192, !noPreviews);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
