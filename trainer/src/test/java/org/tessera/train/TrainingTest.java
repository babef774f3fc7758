package org.tessera.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.heads.GeneMetric;
import org.tessera.heads.Targets;
import org.tessera.stats.MultipleTesting;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureKey;
import org.tessera.store.FeatureStore;
import org.tessera.store.Ids;
import org.tessera.store.SetWriter;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.TilingSpec;

/**
 * A cross-validated run on a store written through the extractor's own writer: 80 patients with two
 * slides each, 16-dimensional tile embeddings; genes g0..g4 are linear in known embedding directions plus
 * noise, g5..g24 are noise. The planted genes must come out on top with small q-values; the noise genes
 * must not.
 */
class TrainingTest {
    private static final String SHA = "c".repeat(64);
    private static final int DIM = 16;
    private static final int PATIENTS = 80;

    @TempDir
    Path tmp;

    /** Writes the cohort; returns the latent per-patient means the planted genes depend on. */
    private static double[][] cohort(FeatureStore store) throws Exception {
        String tiling = store.tilings().register(TilingSpec.DEFAULT, "test");
        store.backbones().add(new BackboneRecord("toy", SHA, DIM, 224, "/m/toy.onnx", "{}"));
        Random random = new Random(7);
        double[][] latent = new double[PATIENTS][DIM];
        try (RootAllocator allocator = new RootAllocator(); var c = store.newConnection()) {
            for (int p = 0; p < PATIENTS; p++) {
                for (int j = 0; j < DIM; j++) {
                    latent[p][j] = random.nextGaussian();
                }
                for (int s = 0; s < 2; s++) {
                    String fp = "sha256:p" + p + "s" + s;
                    String patient = String.format("P%03d", p);
                    SlideRecord slide = new SlideRecord(Ids.slideId(fp), fp, patient + "-" + s, "/d/" + fp, "aperio", 0.5, "file",
                            Optional.empty(), 1000, 1000, 1, Optional.of(patient), Optional.of("T"), 1);
                    store.slides().register(slide);
                    try (SetWriter w = store.embeddings().begin(c, allocator, new FeatureKey(slide.slideId(), tiling, SHA, "none"), DIM, 64)) {
                        for (int t = 0; t < 5; t++) {
                            float[] v = new float[DIM];
                            for (int j = 0; j < DIM; j++) {
                                v[j] = (float) (latent[p][j] + 0.3 * random.nextGaussian());
                            }
                            w.add(t, v, 0);
                        }
                        w.commit(null, 0);
                    }
                }
            }
        }
        try (Statement s = store.connection().createStatement()) {
            s.execute("CREATE TABLE targets (patient_id VARCHAR, gene VARCHAR, value DOUBLE)");
        }
        try (var p = store.connection().prepareStatement("INSERT INTO targets VALUES (?, ?, ?)")) {
            for (int i = 0; i < PATIENTS; i++) {
                for (int g = 0; g < 25; g++) {
                    double value = random.nextGaussian() * (g < 5 ? 0.5 : 1.0) + (g < 5 ? 1.5 * latent[i][g] : 0);
                    p.setString(1, String.format("P%03d", i));
                    p.setString(2, String.format("g%02d", g));
                    p.setDouble(3, value);
                    p.addBatch();
                }
            }
            p.executeBatch();
        }
        return latent;
    }

    private static Training.Options options(Head head, String split) {
        return new Training.Options(FeatureSet.named("slide_mean", Pooling.MEAN), Map.of("backbone", "toy"),
                "SELECT patient_id, gene, value FROM targets", split, 5, 11, head);
    }

    @Test
    void plantedGenesComeOutOnTopFromHeldOutPatientsAndTheSplitIsStored() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            cohort(store);
            double[] grid = {0.1, 1, 10, 100, 1000, 1e4};
            for (Head head : List.of(new AggregateRidge(grid), new PerGeneRidgeHead(grid))) {
                Training.Report r = Training.run(store, options(head, "cv5"));
                assertEquals(PATIENTS, r.patients(), head.name());
                assertEquals(2 * PATIENTS, r.slides());
                assertEquals(25, r.genes());
                List<String> top = r.best(5).stream().map(GeneMetric::gene).sorted().toList();
                assertEquals(List.of("g00", "g01", "g02", "g03", "g04"), top, head.name() + ": " + r.best(8));
                for (GeneMetric m : r.metrics()) {
                    if (m.gene().compareTo("g05") < 0) {
                        assertTrue(m.spearmanQ() < 1e-6 && m.spearmanRho() > 0.7, head.name() + ": " + m);
                    }
                }
                long falseDiscoveries = r.metrics().stream().filter(m -> m.gene().compareTo("g05") >= 0 && m.spearmanQ() < 0.05).count();
                assertTrue(falseDiscoveries <= 1, head.name() + ": " + falseDiscoveries + " null genes at q < 0.05");
            }
            assertEquals(PATIENTS, count(store, "SELECT count(*) FROM splits WHERE split_name = 'cv5'"), "one split, reused by both heads");
            assertEquals(0, count(store, "SELECT count(*) FROM (SELECT patient_id FROM splits GROUP BY ALL HAVING count(DISTINCT fold) > 1)"));
            assertEquals(2, count(store, "SELECT count(*) FROM training_runs"));
            assertEquals(50, count(store, "SELECT count(*) FROM gene_results"));
        }
    }

    @Test
    void aDifferentSplitUnderATakenNameIsRefused() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            cohort(store);
            Training.run(store, options(new AggregateRidge(new double[] {1, 10}), "cv"));
            Training.Options otherSeed = new Training.Options(FeatureSet.named("slide_mean", Pooling.MEAN), Map.of("backbone", "toy"),
                    "SELECT patient_id, gene, value FROM targets", "cv", 5, 12, new AggregateRidge(new double[] {1, 10}));
            SQLException e = assertThrows(SQLException.class, () -> Training.run(store, otherSeed));
            assertTrue(e.getMessage().contains("different split named 'cv'"), e.getMessage());
        }
    }

    @Test
    void targetsThatMatchNoPatientSayWhatToCheck() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            cohort(store);
            Training.Options wrongIds = new Training.Options(FeatureSet.named("slide_mean", Pooling.MEAN), Map.of("backbone", "toy"),
                    "SELECT 'X' || patient_id AS patient_id, gene, value FROM targets", "cv", 5, 11, new AggregateRidge(new double[] {1}));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Training.run(store, wrongIds));
            assertTrue(e.getMessage().contains("patient ids"), e.getMessage());
        }
    }

    @Test
    void heldOutTestSetSelectsAndConfirmsThePlantedGenesOnly() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            cohort(store);
            double[] grid = {0.1, 1, 10, 100, 1000, 1e4};
            for (Head head : List.of(new AggregateRidge(grid), new PerGeneRidgeHead(grid))) {
                Training.Report r = Training.run(store, options(head, "holdout").withTestFraction(0.2));
                assertEquals(16, r.testUnits(), "round(0.2 x 80) test patients");
                assertEquals(PATIENTS, r.patients());
                List<String> selected = r.calls().stream().filter(GeneCall::selected).map(GeneCall::gene).toList();
                List<String> confirmed = r.calls().stream().filter(GeneCall::confirmed).map(GeneCall::gene).toList();
                assertEquals(List.of("g00", "g01", "g02", "g03", "g04"), selected, head.name() + ": " + r.calls());
                assertEquals(selected, confirmed, head.name() + ": " + r.calls());
                assertEquals(64, r.units().stream().filter(u -> u.evaluation().equals(UnitResult.VALIDATION)).count());
                assertEquals(16, r.units().stream().filter(u -> u.evaluation().equals(UnitResult.TEST)).count());
                assertTrue(r.medianUnitSpearman(UnitResult.TEST) > 0.1, head.name() + ": planted genes order patients' profiles");
            }
            assertEquals(16, count(store, "SELECT count(*) FROM splits WHERE split_name = 'holdout' AND role = 'TEST'"));
            assertEquals(2 * 16, count(store, "SELECT count(*) FROM unit_results u JOIN splits s ON s.unit = u.unit "
                    + "AND s.split_name = 'holdout' WHERE u.evaluation = 'test' AND s.role = 'TEST'"), "test units are the split's");
            assertEquals(2 * 5, count(store, "SELECT count(*) FROM gene_results WHERE selected AND confirmed"));
            assertEquals(0, count(store, "SELECT count(*) FROM gene_results WHERE gene >= 'g05' AND (selected OR confirmed)"));
            assertEquals(0, count(store, "SELECT count(*) FROM gene_results WHERE test_spearman_p IS NULL OR test_r2_pred IS NULL"));
        }
    }

    @Test
    void withoutATestSetNothingIsConfirmedAndTestColumnsAreNull() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            cohort(store);
            Training.Report r = Training.run(store, options(new AggregateRidge(new double[] {1, 10, 100}), "cv5"));
            assertEquals(0, r.testUnits());
            assertEquals(5, r.selected(), r.calls().toString());
            assertEquals(0, r.confirmed());
            assertEquals(25, count(store, "SELECT count(*) FROM gene_results WHERE NOT confirmed AND test_spearman_p IS NULL"));
            assertEquals(PATIENTS, count(store, "SELECT count(*) FROM unit_results WHERE evaluation = 'validation'"));
        }
    }

    @Test
    void storedBonferroniAndHolmAreMultipleTestingOfTheStoredSpearmanP() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            cohort(store);
            Training.run(store, options(new PerGeneRidgeHead(new double[] {1, 10, 100}), "cv5").withTestFraction(0.2));
            List<double[]> rows = new ArrayList<>();
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT spearman_p, spearman_p_bonferroni, spearman_p_holm FROM gene_results ORDER BY gene")) {
                while (r.next()) {
                    rows.add(new double[] {r.getDouble(1), r.getDouble(2), r.getDouble(3)});
                }
            }
            assertEquals(25, rows.size());
            double[] p = rows.stream().mapToDouble(x -> x[0]).toArray();
            double[] bonferroni = MultipleTesting.bonferroni(p);
            double[] holm = MultipleTesting.holm(p);
            for (int i = 0; i < p.length; i++) {
                assertEquals(bonferroni[i], rows.get(i)[1], 1e-15, "bonferroni of gene " + i);
                assertEquals(holm[i], rows.get(i)[2], 1e-15, "holm of gene " + i);
            }
        }
    }

    @Test
    void perUnitCorrelationIsAcrossGenes() {
        // scipy 1.x: spearmanr([0.8,2.0,0.9,3.1,3.5,-0.2], [1.0,2.5,0.3,4.0,3.3,-1.0]) = 0.8857142857142858,
        // pearsonr(...) = 0.962427477927523; second row (ties): spearmanr([1,3,1,4,-1], [2,2,1,5,0]) = 0.9210526315789475
        Targets observed = new Targets(List.of("a", "b", "c", "d", "e", "f"),
                new double[][] {{1.0, 2.5, 0.3, 4.0, 3.3, -1.0}, {2, 2, 1, 5, 0, 7}, {1, 1, 1, 1, 1, 1}});
        double[][] predicted = {{0.8, 2.0, 0.9, 3.1, 3.5, -0.2}, {1, 3, 1, 4, -1, 9}, {1, 2, 3, 4, 5, 6}};
        List<UnitResult> r = UnitResult.of(List.of("P1", "P2", "P3"), observed, predicted, UnitResult.TEST);
        assertEquals(0.8857142857142858, r.get(0).spearmanRho(), 1e-12);
        assertEquals(0.962427477927523, r.get(0).pearsonR(), 1e-12);
        assertTrue(Double.isNaN(r.get(2).spearmanRho()), "constant measurements have no correlation");
        assertEquals((0.8857142857142858 + r.get(1).spearmanRho()) / 2, UnitResult.medianSpearman(r, UnitResult.TEST), 1e-12,
                "median of the defined rhos");
    }

    @Test
    void selectionNeedsBothR2AndQAndConfirmationIsBonferroniOverTheSelected() {
        List<GeneMetric> validation = List.of(
                new GeneMetric("a", 0.9, 1e-9, 1e-8, 0.9, 1e-9, 1e-8, 0.5),   // selected
                new GeneMetric("b", 0.9, 1e-9, 1e-8, 0.9, 1e-9, 1e-8, 0.1),   // R2 too low
                new GeneMetric("c", 0.5, 1e-3, 2e-3, 0.5, 1e-3, 2e-3, 0.3),   // q too high
                new GeneMetric("d", 0.9, 1e-9, 1e-8, 0.9, 1e-9, 1e-8, 0.21)); // selected
        List<GeneMetric> test = List.of(
                new GeneMetric("a", 0.5, 0.02, 0.1, 0.5, 0.02, 0.1, 0.2),     // 0.02 < 0.05 / 2: confirmed
                new GeneMetric("b", 0.9, 1e-6, 1e-5, 0.9, 1e-6, 1e-5, 0.5),   // significant, but not selected
                new GeneMetric("c", 0.9, 1e-6, 1e-5, 0.9, 1e-6, 1e-5, 0.5),
                new GeneMetric("d", 0.5, 0.03, 0.1, 0.5, 0.03, 0.1, 0.2));    // 0.03 > 0.025: not confirmed
        List<GeneCall> calls = GeneCall.of(validation, Optional.of(test), GeneCall.Rule.EMO);
        assertEquals(List.of(true, false, false, true), calls.stream().map(GeneCall::selected).toList());
        assertEquals(List.of(true, false, false, false), calls.stream().map(GeneCall::confirmed).toList());
        // R: p.adjust(c(1e-9, 1e-9, 1e-3, 1e-9), "holm") = 4e-9 4e-9 1e-3 4e-9 (sorted p x (m - i + 1), running max)
        assertEquals(4e-9, calls.get(0).spearmanHolm(), 1e-20);
        assertEquals(1e-3, calls.get(2).spearmanHolm(), 1e-18);
        assertEquals(4e-3, calls.get(2).spearmanBonferroni(), 1e-18);
    }

    private static long count(FeatureStore store, String sql) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
