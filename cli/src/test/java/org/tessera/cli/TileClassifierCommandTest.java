package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureKey;
import org.tessera.store.FeatureStore;
import org.tessera.store.Ids;
import org.tessera.store.SetWriter;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.TilingSpec;

/**
 * {@code tessera train tile-classifier} on a synthetic store: 120 patients with one slide of 10 tiles (8
 * features) each, tile 9 of every slide below the tissue threshold. The trait ERBB2 is N(0, 1) per patient;
 * a fraction of a slide's tissue tiles equal to its trait's percentile rank is shifted by 3 along e0, so high
 * slides have mostly shifted tiles. Patient P119 has no ERBB2 value.
 */
class TileClassifierCommandTest {
    private static final int PATIENTS = 120;

    @TempDir
    Path tmp;

    private Path store() {
        return tmp.resolve("store");
    }

    private void cohort() throws Exception {
        String sha = "e".repeat(64);
        try (FeatureStore store = FeatureStore.open(store()); RootAllocator allocator = new RootAllocator(); var c = store.newConnection()) {
            String tiling = store.tilings().register(TilingSpec.DEFAULT, "test");
            store.backbones().add(new BackboneRecord("toy", sha, 8, 224, "/m/toy.onnx", "{}"));
            Random random = new Random(5);
            double[] trait = new double[PATIENTS];
            for (int p = 0; p < PATIENTS; p++) {
                trait[p] = random.nextGaussian();
            }
            double[] sorted = trait.clone();
            Arrays.sort(sorted);
            try (Statement s = store.connection().createStatement()) {
                s.execute("CREATE TABLE targets (patient_id VARCHAR, gene VARCHAR, value DOUBLE)");
            }
            try (var tiles = store.connection().prepareStatement("INSERT INTO tiles VALUES (?, ?, ?, 0, 0, 0, 0, 10, 10, ?)");
                    var targets = store.connection().prepareStatement("INSERT INTO targets VALUES (?, ?, ?)")) {
                for (int p = 0; p < PATIENTS; p++) {
                    String fp = "sha256:t" + p;
                    String patient = String.format("P%03d", p);
                    SlideRecord slide = new SlideRecord(Ids.slideId(fp), fp, patient, "/d/" + fp, "aperio", 0.5, "file",
                            Optional.empty(), 1000, 1000, 1, Optional.of(patient), Optional.of("T"), 1);
                    store.slides().register(slide);
                    int shifted = (int) Math.round((double) Arrays.binarySearch(sorted, trait[p]) / (PATIENTS - 1) * 9);
                    try (SetWriter w = store.embeddings().begin(c, allocator, new FeatureKey(slide.slideId(), tiling, sha, "none"), 8, 64)) {
                        for (int t = 0; t < 10; t++) {
                            float[] v = new float[8];
                            for (int j = 0; j < 8; j++) {
                                v[j] = (float) (random.nextGaussian() + (j == 0 && t < shifted ? 3 : 0));
                            }
                            w.add(t, v, 0);
                            tiles.setString(1, slide.slideId());
                            tiles.setString(2, tiling);
                            tiles.setInt(3, t);
                            tiles.setDouble(4, t == 9 ? 0.1 : 0.9);
                            tiles.addBatch();
                        }
                        w.commit(null, 0);
                    }
                    if (p < PATIENTS - 1) {
                        targets.setString(1, patient);
                        targets.setString(2, "ERBB2");
                        targets.setDouble(3, trait[p]);
                        targets.addBatch();
                    }
                    targets.setString(1, patient);
                    targets.setString(2, "ESR1");
                    targets.setDouble(3, random.nextGaussian());
                    targets.addBatch();
                }
                tiles.executeBatch();
                targets.executeBatch();
            }
        }
    }

    @Test
    void plantedTraitIsClassifiedOnTestSlidesAndScoresAndTileCallsAreStored() throws Exception {
        cohort();
        Cli run = Cli.run("train", "tile-classifier", "--store", store().toString(), "--trait", "ERBB2", "--param", "backbone=toy",
                "--targets", "SELECT patient_id, gene, value FROM targets", "--test-fraction", "0.2", "--bootstrap", "200", "--seed", "3");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("on 119 slides (1071 tiles)"), run.out());
        assertTrue(run.out().contains("excluded: 1 slides whose patient has no ERBB2 value"), run.out());
        Matcher ensemble = Pattern.compile("(?m)^ensemble\\s+(\\d\\.\\d+) \\[").matcher(run.out());
        assertTrue(ensemble.find(), run.out());
        assertTrue(Double.parseDouble(ensemble.group(1)) > 0.9, run.out());
        try (FeatureStore s = FeatureStore.openReadOnly(store())) {
            assertEquals(119, count(s, "SELECT count(*) FROM tile_class_scores"));
            assertEquals(1071, count(s, "SELECT count(*) FROM tile_class_predictions"), "tiles below min_tissue 0.5 left out");
            assertEquals(0, count(s, "SELECT count(*) FROM tile_class_scores sc JOIN (SELECT slide_id, avg(vote::INT) AS v "
                    + "FROM tile_class_predictions GROUP BY slide_id) p USING (slide_id) WHERE abs(sc.ensemble_score - p.v) > 1e-12"),
                    "a slide's ensemble score is the fraction of its tiles voted positive");
            assertEquals(5, count(s, "SELECT max(len(split_scores)) FROM tile_class_scores"));
            assertEquals(1, count(s, "SELECT count(*) FROM training_runs WHERE head = 'tile-classifier' AND n_units = 119"));
            assertTrue(count(s, "SELECT count(*) FROM tile_class_scores WHERE slide_set = 'TEST'") >= 8);
        }
    }

    @Test
    void tileRegressionPredictsThePlantedTraitFromTileMeansAndStoresTilePredictions() throws Exception {
        cohort();
        Cli run = Cli.run("train", "tile-regression", "--store", store().toString(), "--param", "backbone=toy",
                "--targets", "SELECT patient_id, gene, value FROM targets WHERE patient_id <> 'P119'", "--lambdas", "1,10,100,1000");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("on 119 slides (1080 tiles), 2 genes"), run.out());
        Matcher erbb2 = Pattern.compile("(?m)^ERBB2\\s+(\\d\\.\\d+)\\s+(\\S+)").matcher(run.out());
        assertTrue(erbb2.find(), run.out());
        assertTrue(Double.parseDouble(erbb2.group(1)) > 0.8, "the planted trait is recovered: " + run.out());
        try (FeatureStore s = FeatureStore.openReadOnly(store())) {
            assertEquals(119 * 9 * 2, count(s, "SELECT count(*) FROM tile_predictions"), "tissue tiles x genes, each once");
            assertEquals(0, count(s, "SELECT count(*) FROM (SELECT slide_id, tile_index, gene FROM tile_predictions GROUP BY ALL "
                    + "HAVING count(*) > 1)"), "every tile predicted by exactly one fold model");
            assertTrue(count(s, "SELECT count(*) FROM gene_results g JOIN training_runs r USING (run_id) "
                    + "WHERE r.head = 'tile-regression' AND g.gene = 'ESR1' AND g.spearman_q < 0.05") == 0, "the noise gene is not called");
        }
    }

    @Test
    void anUnknownTraitSaysWhatToCheck() throws Exception {
        cohort();
        Cli run = Cli.run("train", "tile-classifier", "--store", store().toString(), "--trait", "NOPE", "--param", "backbone=toy",
                "--targets", "SELECT patient_id, gene, value FROM targets");
        assertEquals(1, run.code(), run.toString());
        assertTrue(run.err().contains("no slide's patient has a value for gene 'NOPE'"), run.err());
    }

    private static long count(FeatureStore s, String sql) throws Exception {
        try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
