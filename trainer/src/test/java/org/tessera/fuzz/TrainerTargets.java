package org.tessera.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.tessera.backbone.BackboneCard;
import org.tessera.bundle.BackboneProvenance;
import org.tessera.bundle.Bundle;
import org.tessera.bundle.BundleKind;
import org.tessera.bundle.FeatureSetProvenance;
import org.tessera.bundle.LinearWeights;
import org.tessera.bundle.TilingProvenance;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.splits.Splits;
import org.tessera.splits.Unit;
import org.tessera.store.FeatureStore;
import org.tessera.store.Ids;
import org.tessera.targets.ClinicalImporter;
import org.tessera.targets.ExpressionImporter;
import org.tessera.targets.ExpressionOptions;
import org.tessera.testkit.Shared;
import org.tessera.testkit.fuzz.FuzzTarget;
import org.tessera.testkit.fuzz.FuzzTarget.Sample;
import org.tessera.tiling.TilingSpec;

/**
 * The trainer's readers as fuzz targets. To add one: a {@link FuzzTarget} here, listed in {@link #all()}, and a
 * one-line {@code @FuzzTest} in {@link TrainerFuzzTest}. The importers write into one scratch store per JVM
 * (each import replaces the previous one of the same file), so an input costs an import, not a store.
 */
final class TrainerTargets {
    static final FuzzTarget BUNDLE_MANIFEST = new FuzzTarget("bundle/bundle.json", TrainerTargets::bundles, Bundle.MANIFEST,
            (folder, file) -> Bundle.read(folder), FuzzTarget.DEFAULT_ALLOC_BUDGET);

    static final FuzzTarget EXPRESSION = FuzzTarget.of("expression-import", "expression.csv",
            () -> List.of(slice("tcga-brca/pam50_expression.csv", "expression.csv", ",", 20, 12),
                    slice("cohorts/vdx/expression.csv", "expression.csv", ",", 20, 12)),
            (folder, file) -> ExpressionImporter.importFile(ScratchStore.get(), file, ExpressionOptions.defaults().withLog2(true)));

    static final FuzzTarget CLINICAL = FuzzTarget.of("clinical-import", "clinical.tsv",
            () -> List.of(slice("tcga-brca/clinical_pancan_atlas_2018.tsv", "clinical.tsv", "\t", 15, 20),
                    vdxClinical()),
            (folder, file) -> ClinicalImporter.importFile(ScratchStore.get(), file));

    private TrainerTargets() {
    }

    static List<FuzzTarget> all() {
        return List.of(BUNDLE_MANIFEST, EXPRESSION, CLINICAL);
    }

    /** The first rows and columns of a real table (cells split on the delimiter; these files quote no delimiters). */
    private static Sample slice(String shared, String slot, String delimiter, int rows, int columns) throws IOException {
        List<String> lines = Files.readAllLines(Shared.path(shared));
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(0, Math.min(rows, lines.size()))) {
            String[] f = line.split(java.util.regex.Pattern.quote(delimiter), -1);
            out.append(String.join(delimiter, Arrays.copyOf(f, Math.min(columns, f.length)))).append('\n');
        }
        return Sample.of(slot, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** VDX clinical as a TSV whose unnamed first column (the sample ids) is called patient_id. */
    private static Sample vdxClinical() throws IOException {
        List<String> lines = Files.readAllLines(Shared.path("cohorts/vdx/clinical.csv"));
        StringBuilder out = new StringBuilder();
        for (String line : lines.subList(0, 15)) {
            out.append(line.replaceFirst("^\"\",", "patient_id,").replace(',', '\t')).append('\n');
        }
        return Sample.of("clinical.tsv", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A bundle as {@code tessera train} writes it: the shipped MobileNetV2 card, the default tiling, four PAM50 genes
     * from {@code ../shared}, seeded weights, and a hold-out split of 12 slides of 6 patients.
     */
    private static List<Sample> bundles() throws Exception {
        List<String> genes = Files.readAllLines(Shared.path("signatures/pam50_genes.tsv")).stream().skip(1).limit(4)
                .map(l -> l.split("\t")[1]).toList();
        BackboneCard card = BackboneCard.builtin("mobilenet_v2_imagenet");
        Random r = new Random(7);
        double[] w = new double[card.dimension() * genes.size()];
        Arrays.setAll(w, i -> r.nextGaussian() * 0.01);
        double[] b = new double[genes.size()];
        Arrays.setAll(b, i -> 5 + i);
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            units.add(Unit.of("s" + i, "patient" + i / 2));
        }
        String method = "saturation-otsu";
        Bundle bundle = Bundle.of(BundleKind.AGGREGATE_RIDGE, new BackboneProvenance(card.name(), card.sha256(), card),
                new TilingProvenance(Ids.tilingId(TilingSpec.DEFAULT.key(), method), TilingSpec.DEFAULT, method), "none",
                FeatureSetProvenance.of(FeatureSet.named("slide_mean", Pooling.NONE), Map.of("backbone", card.name())),
                List.of("log2(1+x)"), Optional.of(Splits.holdOut("holdout-30", units, 0.3, 2, 42)), Map.of("median_pearson_r", 0.41),
                new LinearWeights(card.dimension(), genes, w, b));
        Path dir = Files.createTempDirectory("tessera-fuzz-bundle").resolve("b");
        bundle.write(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (var list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        return List.of(new Sample(files));
    }

    /** One writable store per JVM for the importers, closed and removed at exit. */
    static final class ScratchStore {
        private static FeatureStore store;

        private ScratchStore() {
        }

        static synchronized FeatureStore get() throws IOException {
            if (store == null) {
                Path dir = Files.createTempDirectory("tessera-fuzz-store");
                store = FeatureStore.open(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    store.close();
                    try (var walk = Files.walk(dir)) {
                        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException ignored) {
                        // a temporary folder left behind is harmless
                    }
                }));
            }
            return store;
        }
    }
}
