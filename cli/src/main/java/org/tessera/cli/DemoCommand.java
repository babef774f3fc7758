package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.tessera.backbone.BackboneCard;
import org.tessera.examples.RegionExamples;
import org.tessera.extract.BackboneRegistry;
import org.tessera.extract.ExtractionOptions;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.Extractor;
import org.tessera.extract.SlideImporter;
import org.tessera.report.HeadlessChromium;
import org.tessera.report.HtmlReportWriter;
import org.tessera.report.Report;
import org.tessera.store.SoftwareVersion;
import org.tessera.heads.GeneMetric;
import org.tessera.spatial.Her2st;
import org.tessera.store.FeatureStore;
import org.tessera.train.Her2stPseudoBulk;
import org.tessera.train.Training;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "demo", description = {
    "Build a feature store from the bundled data (../shared, or $TESSERA_SHARED) and an HTML report:",
    "  slides:   the two Aperio slides and the six HER2ST section images, tiles embedded with mobilenet_v2_imagenet",
    "            at 224 px / 0.5 um/px; both bulk heads trained on HER2ST pseudo-bulk regions, leave-one-section-out;",
    "  spatial:  ST-Net on the HER2ST spots: spot patches with 8-fold TTA, leave-one-section-out within patient C",
    "            and C -> B4 against the colour baseline, best genes, spot maps, a two-trait heterogeneity map;",
    "  clinical: PAM50 calls on TCGA-BRCA against the published subtypes, proliferation by subtype, Kaplan-Meier,",
    "            log-rank and Cox with age;",
    "  regions:  an annotation file the demo writes for HER2ST section C3 (ERBB2-high and -low spot regions, in",
    "            QuPath's GeoJSON shape) imported, and a tissue microarray composed from real tissue de-arrayed,",
    "            with a core map, and its cores embedded (files under <store>/examples/).",
    "The report is <store>/report/index.html (with a headless-Chromium screenshot when chromium is installed).",
    "Running it again reuses everything already stored."})
final class DemoCommand implements Callable<Integer> {
    static final String BACKBONE = "mobilenet_v2_imagenet";
    /** The TCGA slide states no pixel size either; TCGA slides are scanned at 20x or 40x: 0.5 is assumed. */
    static final double TCGA_ASSUMED_MPP = 0.5;

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "tessera-demo", description = "Store to build (default: ${DEFAULT-VALUE}).")
    Path store;

    @Mixin
    SharedDataOption shared;

    @Option(names = "--part", defaultValue = "all", paramLabel = "PART", description = "all; slides (tiles of every slide and the"
        + " pseudo-bulk heads); spatial (ST-Net on HER2ST spots, maps, heterogeneity); clinical (PAM50, proliferation and survival"
        + " on TCGA-BRCA) (default: ${DEFAULT-VALUE}). The report gets the spatial and clinical parts.")
    String part;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path data = shared.resolve();
        if (!List.of("all", "slides", "spatial", "clinical", "regions").contains(part)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--part must be all, slides, spatial, clinical or regions, got '" + part + "'");
        }
        try (FeatureStore s = FeatureStore.open(store)) {
            out.println("== Tessera demo: store " + s.root());
            int code = 0;
            if (part.equals("all") || part.equals("slides")) {
                code = slides(out, s, data);
            }
            Report.Builder document = Report.builder("Tessera demo").provenance("software", SoftwareVersion.get())
                    .provenance("store", s.root().toString()).provenance("shared data", data.toString());
            if (part.equals("all") || part.equals("spatial")) {
                SpatialDemo.run(s, data, out, spec.commandLine().getErr()).forEach(document::section);
            }
            if (part.equals("all") || part.equals("clinical")) {
                Pam50Demo.run(data, out).forEach(document::section);
            }
            if (part.equals("all") || part.equals("regions")) {
                regions(out, s, data);
            }
            writeReport(out, document.build(), s.root().resolve("report"));
            out.println();
            out.println("Try next (from this folder):");
            String st = " --store " + store;
            out.println("  ./tessera sql" + st + " \"SELECT backbone, count(*) AS tiles FROM embeddings GROUP BY ALL\"");
            out.println("  ./tessera sql" + st + " \"SELECT slide_id, n_tiles, vector FROM slide_embeddings_mean\"");
            out.println("  ./tessera sql" + st + " --format csv \"SELECT tile_index, col, row, tissue_fraction FROM tiles LIMIT 5\"");
            out.println("  duckdb -readonly " + s.root().resolve(FeatureStore.DATABASE) + "  then  SET file_search_path='"
                    + s.root() + "';");
            return code;
        }
    }

    /** Issue 2's and 3's demo: the slides' tiles embedded, then both heads on HER2ST pseudo-bulk regions. */
    private int slides(PrintWriter out, FeatureStore s, Path data) throws Exception {
        BackboneCard card = BackboneCard.builtin(BACKBONE);
        BackboneRegistry.add(s, card, card.modelIn(data.resolve("models")));
        out.println("backbone " + BACKBONE + " (" + card.dimension() + "-d) registered");

        List<SlideImporter.Entry> entries = new ArrayList<>();
        entries.add(new SlideImporter.Entry(data.resolve("slides/CMU-1-Small-Region.svs"), OptionalDouble.empty(),
                Optional.empty(), Optional.of("OpenSlide")));
        entries.add(new SlideImporter.Entry(data.resolve("slides/TCGA-CR-7395-01A-01-TS1.svs"),
                OptionalDouble.of(TCGA_ASSUMED_MPP), Optional.empty(), Optional.of("TCGA")));
        for (String section : Her2st.SECTIONS) {
            entries.add(new SlideImporter.Entry(Her2st.image(data, section), OptionalDouble.of(Her2st.MPP),
                    Optional.of(Her2st.patient(section)), Optional.of("HER2ST")));
        }
        SlideImporter.Report added = SlideImporter.add(s, entries);
        out.printf("%d slides in the catalogue (TCGA-CR-7395 states no pixel size: %.2f um/px assumed; "
                + "HER2ST images: %.2f um/px from the %.0f um spot pitch)%n", added.added().size(), TCGA_ASSUMED_MPP, Her2st.MPP,
                Her2st.PITCH_UM);
        int code = Reports.failures(spec.commandLine().getErr(), "slides", added.failures());

        ProgressBar bar = new ProgressBar(spec.commandLine().getErr());
        ExtractionReport report = new Extractor(s, ExtractionOptions.defaults(BACKBONE)).run(s.slides().all(), bar);
        bar.finish();
        Summaries.extraction(out, report, s);
        code = Math.max(code, Reports.failures(spec.commandLine().getErr(), "slides", report.failures()));
        printTable(out, s, "SELECT s.name, s.cohort, g.n_tiles AS tiles, round(g.tissue_fraction, 3) AS tissue, "
                + "g.preview_path AS preview FROM tile_grids g JOIN slides s USING (slide_id) JOIN tilings t USING (tiling_id) "
                + "WHERE t.tissue_method <> 'spots' ORDER BY s.name");
        trainOnPseudoBulk(out, s, data);
        return code;
    }

    /** Issue 11's demo: an annotation file and a composed TMA, with the SQL to use them. */
    private void regions(PrintWriter out, FeatureStore s, Path data) throws Exception {
        out.println();
        out.println("== Regions: annotations (QuPath GeoJSON) and a tissue microarray");
        RegionExamples.Annotations a = RegionExamples.annotations(s, data, Her2st.MPP);
        out.printf("%s (written by the demo: %d ERBB2-high spots as Tumor, %d ERBB2-low as Stroma): %s over %d tile grid(s)%n",
                a.file(), a.topSpots(), a.bottomSpots(), a.imported().annotationsByClass(), a.imported().grids());
        RegionExamples.Tma t = RegionExamples.tma(s, data);
        var r = t.dearrayed().result();
        out.printf("%s (composed by the demo from real tissue): %d cores placed on a %d x %d grid (rotation %.1f degrees), missing %s;"
                + " %d patients from %s; preview %s%n", t.png(), r.placed().size(), r.grid().rows(), r.grid().cols(),
                r.grid().rotationDegrees(), r.missing().stream().map(org.tessera.tma.GridFitter.Missing::label).toList(),
                t.dearrayed().patients().values().stream().distinct().count(), t.coreMap(), t.dearrayed().preview().orElseThrow());
        t.dearrayed().mapProblems().forEach(m -> out.println("  core map: " + m));
        out.printf("core tiles embedded (colour baseline, 32 px at 4 um/px): %d%n", t.extraction().tilesEmbedded());
        printTable(out, s, "SELECT s.name, r.class, count(*) FILTER (WHERE r.fraction >= 0.5) AS tiles_half_covered, "
                + "count(*) FILTER (WHERE r.fraction >= 0.5 AND q.sharpness < " + org.tessera.tiling.Sharpness.DEFAULT_MIN + ") AS blurred "
                + "FROM tile_regions r JOIN slides s USING (slide_id) LEFT JOIN tile_sharpness q USING (slide_id, tiling_id, tile_index) "
                + "GROUP BY ALL ORDER BY ALL");
        String st = " --store " + store;
        out.println("Use them:");
        out.println("  ./tessera extract" + st + " --backbone " + BACKBONE + " --region Tumor --min-sharpness   # only sharp tumour tiles");
        out.println("  ./tessera train aggregate" + st + " --features region_tiles --param backbone=" + BACKBONE
                + " --param class=Tumor");
        out.println("  ./tessera sql" + st + " \"SELECT patient_id, count(*) AS cores FROM tma_cores WHERE found AND patient_id IS NOT NULL"
                + " GROUP BY ALL ORDER BY cores DESC LIMIT 3\"");
        out.println("  feature set tma_cores (sql/feature-sets/tma_cores.sql): one unit per core under its patient, a patient's cores"
                + " pooled; with a TMA cohort's expression imported: ./tessera train aggregate --features tma_cores --param backbone=...");
        out.println("  more queries: sql/examples/regions_and_sharpness.sql");
    }

    /** The report folder, and its screenshot when Debian's chromium is installed. */
    private static void writeReport(PrintWriter out, Report report, Path dir) throws java.io.IOException {
        Path index = HtmlReportWriter.write(report, dir);
        out.println();
        out.println("report: " + index);
        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        if (chromium.isPresent()) {
            Path png = dir.resolve("screenshot.png");
            chromium.get().screenshot(index, png, 1280, 4000);
            out.println("screenshot (headless Chromium): " + png);
        }
    }

    /** Issue 3's demo: both heads on HER2ST pseudo-bulk regions, leave-one-section-out. */
    private static void trainOnPseudoBulk(PrintWriter out, FeatureStore s, Path data) throws Exception {
        out.println();
        out.println("== Training on HER2ST pseudo-bulk regions (1.2 mm blocks of spots; counts summed, log1p per 10,000;");
        out.println("   500 highest-mean genes; tile embeddings mean-pooled per block), leave-one-section-out");
        Her2stPseudoBulk.Outcome o = Her2stPseudoBulk.run(s, data, BACKBONE);
        out.printf("%d regions from %d sections%n", o.regions().regions().size(), Her2st.SECTIONS.size());
        for (Training.Report r : o.reports()) {
            long significant = r.metrics().stream().filter(m -> m.spearmanQ() < 0.05).count();
            out.printf("%nrun %d (%s): %d regions x %d features, %d genes; %d genes with Spearman q < 0.05%n", r.runId(),
                    headName(s, r.runId()), r.patients(), r.features(), r.genes(), significant);
            out.printf("  %-10s %7s %10s %8s%n", "gene", "rho", "q (BH)", "R2");
            for (GeneMetric m : r.best(8)) {
                out.printf("  %-10s %7.3f %10.2e %8.3f%n", m.gene(), m.spearmanRho(), m.spearmanQ(), m.r2());
            }
        }
        out.println("(one-sided Spearman on held-out sections; sections of patient C are not independent of each other)");
    }

    private static String headName(FeatureStore s, int runId) throws java.sql.SQLException {
        try (Statement st = s.connection().createStatement();
                ResultSet r = st.executeQuery("SELECT head FROM training_runs WHERE run_id = " + runId)) {
            return r.next() ? r.getString(1) : "?";
        }
    }

    static void printTable(PrintWriter out, FeatureStore s, String sql) throws Exception {
        try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery(sql)) {
            ResultPrinter.print(r, "table", out, 100);
        }
    }
}
