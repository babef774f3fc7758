package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tessera.spatial.Her2st;
import org.tessera.spots.GeneSelection;
import org.tessera.spots.Grid;
import org.tessera.spots.HeadOptions;
import org.tessera.spots.Her2stSpotEmbeddings;
import org.tessera.spots.Her2stSpotEmbeddings.Embedding;
import org.tessera.spots.Scheme;
import org.tessera.spots.SpotBenchmark;
import org.tessera.spots.SpotBenchmark.Setting;
import org.tessera.spots.SpotBenchmark.Variant;
import org.tessera.spots.SpotRun;
import org.tessera.store.FeatureStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tessera benchmark spots}: the ST-Net / HEST experiment on HER2ST, every variant against the colour baseline. */
@Command(mixinStandardHelpOptions = true, name = "spots", description = {
    "ST-Net/HEST spot prediction on the six HER2ST sections of ../shared: spot patches (112 um at 0.5 um/px) embedded with",
    "the colour baseline (12 numbers), MobileNetV2 and Inception v3 mixed5, with and without 8-fold dihedral TTA, then",
    "StandardScaler -> PCA 256 -> ridge (lambda by inner leave-one-section-out) under leave-one-section-out within patient C",
    "and train-on-C / test-on-B4, for HEST's 50 most variable and ST-Net's 250 highest-mean genes (chosen on training",
    "spots). Also multi-scale context (a 224 um patch beside the spot's own), neighbourhood features, smoothed predictions",
    "and Macenko stain normalisation. Prints mean Pearson per variant with its margin over the colour baseline of the",
    "same run. Embeddings already in the store are reused; experiments are stored as bench/<variant>/<setting>."},
    footer = {"", "Example:", "  tessera benchmark spots --store her2st-bench"})
final class SpotBenchmarkCommand implements Callable<Integer> {
    private static final String MNV2 = "mobilenet_v2_imagenet";
    private static final String INCEPTION = "inception_v3_mixed5_imagenet";

    @Option(names = "--store", paramLabel = "DIR", defaultValue = "tessera-her2st-bench", description = "Store to use (default: ${DEFAULT-VALUE}).")
    Path store;

    @Mixin
    SharedDataOption shared;

    @Option(names = "--quick", description = "Only the reference rows (colour, MobileNetV2 with and without TTA, + Inception).")
    boolean quick;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path data = shared.resolve();
        Embedding colour = Embedding.of(Her2stSpotEmbeddings.COLOUR, 112, 1);
        Embedding mnv2 = Embedding.of(MNV2, 112, 1);
        Embedding mnv2Tta = Embedding.of(MNV2, 112, 8);
        Embedding inceptionTta = Embedding.of(INCEPTION, 112, 8);
        Embedding mnv2Wide = Embedding.of(MNV2, 224, 8);
        Embedding mnv2Macenko = new Embedding(MNV2, 112, 8, true);
        List<Embedding> needed = new ArrayList<>(List.of(colour, mnv2, mnv2Tta, inceptionTta));
        if (!quick) {
            needed.addAll(List.of(mnv2Wide, mnv2Macenko));
        }
        try (FeatureStore s = FeatureStore.open(store)) {
            Her2stSetup.importSections(s, data, out);
            Her2stSetup.embed(s, data, needed, out, err);
            List<Variant> variants = new ArrayList<>(List.of(
                    Variant.of("colour baseline", colour.source(s)),
                    Variant.of("MobileNetV2", mnv2.source(s)),
                    Variant.of("MobileNetV2 HEST alpha", mnv2.source(s)).with(HeadOptions.Choice.HEST),
                    Variant.of("MobileNetV2 TTA", mnv2Tta.source(s)),
                    Variant.of("Inception TTA", inceptionTta.source(s)),
                    Variant.of("MobileNetV2 TTA + Inception TTA", mnv2Tta.source(s), inceptionTta.source(s))));
            if (!quick) {
                variants.addAll(List.of(
                        Variant.of("MobileNetV2 TTA + 224um field", mnv2Tta.source(s), mnv2Wide.source(s)),
                        Variant.of("MobileNetV2 TTA + neighbours", mnv2Tta.source(s)).with(SpotRun.Context.CONCAT),
                        Variant.of("MobileNetV2 TTA, smoothed pred.", mnv2Tta.source(s)).smoothingPredictions(),
                        Variant.of("MobileNetV2 TTA Macenko", mnv2Macenko.source(s)),
                        Variant.of("colour baseline, smoothed pred.", colour.source(s)).smoothingPredictions()));
            }
            List<Setting> settings = List.of(
                    new Setting("LOSO C, top-var 50", new Scheme.LeaveOneSectionOut(Her2st.PATIENT_C), new GeneSelection(GeneSelection.Kind.TOP_VARIANCE, 50)),
                    new Setting("LOSO C, top-mean 250", new Scheme.LeaveOneSectionOut(Her2st.PATIENT_C), new GeneSelection(GeneSelection.Kind.TOP_MEAN, 250)),
                    new Setting("C -> B4, top-var 50", new Scheme.TrainTest(Her2st.PATIENT_C, List.of("B4")), new GeneSelection(GeneSelection.Kind.TOP_VARIANCE, 50)),
                    new Setting("C -> B4, top-mean 250", new Scheme.TrainTest(Her2st.PATIENT_C, List.of("B4")), new GeneSelection(GeneSelection.Kind.TOP_MEAN, 250)));
            long start = System.nanoTime();
            List<SpotBenchmark.Cell> cells = SpotBenchmark.run(s, variants, settings, HeadOptions.defaults(), Grid.LEGACY_ST, c -> {
                err.printf(Locale.ROOT, "  %-34s %-22s r = %.3f  (%.1f s)%n", c.variant().label(), c.setting().label(), c.summary().meanPearson(),
                        c.seconds());
                err.flush();
            });
            out.printf(Locale.ROOT, "%n%d experiments in %.0f s; spots: %s%n%n", cells.size(), (System.nanoTime() - start) / 1e9, spotCounts(s));
            SpotBenchmark.print(out, cells, variants, settings);
        }
        return 0;
    }

    private static String spotCounts(FeatureStore s) throws java.sql.SQLException {
        try (var st = s.connection().createStatement();
                var r = st.executeQuery("SELECT string_agg(section || ' ' || n_spots, ', ' ORDER BY section) FROM st_sections")) {
            return r.next() ? r.getString(1) : "";
        }
    }
}
