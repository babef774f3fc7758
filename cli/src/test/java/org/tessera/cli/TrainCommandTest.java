package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.featureset.FeatureMatrices;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.heads.RidgeHead;
import org.tessera.heads.RidgeModel;
import org.tessera.heads.RidgeOptions;
import org.tessera.heads.Targets;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureKey;
import org.tessera.store.FeatureStore;
import org.tessera.store.Ids;
import org.tessera.store.SetWriter;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.TilingSpec;
import org.tessera.train.PatientData;

/**
 * {@code tessera train} on a synthetic store whose embeddings are written under the built-in MobileNet card
 * (so a bundle can carry its provenance and {@code tessera score} accepts it without running the model):
 * 40 patients with two slides of three tiles each, every embedding dimension a patient's latent value
 * (even dimensions the first, odd the second) plus noise; genes g0, g1 linear in the two latents, g2..g5 noise.
 */
class TrainCommandTest {
    private static final String MOBILENET = "mobilenet_v2_imagenet";
    private static final int PATIENTS = 40;

    @TempDir
    Path tmp;

    private Path store() {
        return tmp.resolve("store");
    }

    private void cohort() throws Exception {
        BackboneCard card = BackboneCard.builtin(MOBILENET);
        int dim = card.dimension();
        try (FeatureStore store = FeatureStore.open(store()); RootAllocator allocator = new RootAllocator(); var c = store.newConnection()) {
            String tiling = store.tilings().register(TilingSpec.DEFAULT, "test");
            store.backbones().add(new BackboneRecord(MOBILENET, card.sha256(), dim, card.inputSize(), "/m/none.onnx", card.toJson()));
            Random random = new Random(3);
            double[][] latent = new double[PATIENTS][2];
            for (int p = 0; p < PATIENTS; p++) {
                latent[p] = new double[] {random.nextGaussian(), random.nextGaussian()};
                for (int s = 0; s < 2; s++) {
                    String fp = "sha256:p" + p + "s" + s;
                    String patient = String.format("P%03d", p);
                    SlideRecord slide = new SlideRecord(Ids.slideId(fp), fp, patient + "-" + s, "/d/" + fp, "aperio", 0.5, "file",
                            Optional.empty(), 1000, 1000, 1, Optional.of(patient), Optional.of("T"), 1);
                    store.slides().register(slide);
                    try (SetWriter w = store.embeddings().begin(c, allocator, new FeatureKey(slide.slideId(), tiling, card.sha256(), "none"),
                            dim, 64)) {
                        for (int t = 0; t < 3; t++) {
                            float[] v = new float[dim];
                            for (int j = 0; j < dim; j++) {
                                v[j] = (float) (latent[p][j % 2] + 0.3 * random.nextGaussian());
                            }
                            w.add(t, v, 0);
                        }
                        w.commit(null, 0);
                    }
                }
            }
            try (Statement s = store.connection().createStatement()) {
                s.execute("CREATE TABLE targets (patient_id VARCHAR, gene VARCHAR, value DOUBLE)");
            }
            try (var p = store.connection().prepareStatement("INSERT INTO targets VALUES (?, ?, ?)")) {
                for (int i = 0; i < PATIENTS; i++) {
                    for (int g = 0; g < 6; g++) {
                        p.setString(1, String.format("P%03d", i));
                        p.setString(2, "g" + g);
                        p.setDouble(3, (g < 2 ? 2 * latent[i][g] : 0) + 0.5 * random.nextGaussian());
                        p.addBatch();
                    }
                }
                p.executeBatch();
            }
        }
    }

    @Test
    void trainPrintsSelectionAndTheBundleItWritesScoresAsTheRefittedHeadPredicts() throws Exception {
        cohort();
        Path bundle = tmp.resolve("bundle");
        Cli train = Cli.run("train", "aggregate", "--store", store().toString(), "--param", "backbone=" + MOBILENET,
                "--targets", "SELECT patient_id, gene, value FROM targets", "--split-name", "ho", "--lambdas", "1,10,100,1000",
                "--bundle", bundle.toString());
        assertEquals(0, train.code(), train.toString());
        assertTrue(train.out().contains("held out: 8 test patients; cross-validation on the other 32"), train.out());
        assertTrue(train.out().contains("median per-patient Spearman across genes:"), train.out());
        assertTrue(train.out().contains("selected 2 genes (validation R2 > 0.2, q < 0.001), confirmed on test 2 (p < 0.05 / 2)"),
                train.out());
        assertTrue(train.out().contains("wrote bundle " + bundle + " (aggregate-ridge, id "), train.out());
        assertTrue(Files.isRegularFile(bundle.resolve("bundle.json")));

        Cli score = Cli.run("score", bundle.toString(), "--store", store().toString(), "--no-extract");
        assertEquals(0, score.code(), score.toString());

        // the head refitted independently on the stored split's pool, applied to every slide's mean vector
        Map<String, Double> expected = new HashMap<>();
        try (FeatureStore s = FeatureStore.openReadOnly(store()); RootAllocator allocator = new RootAllocator()) {
            FeatureMatrix slides = FeatureMatrices.read(s, FeatureSet.named("slide_mean", Pooling.MEAN), Map.of("backbone", MOBILENET),
                    allocator);
            PatientData data = PatientData.align(s, PatientData.byPatient(slides), slides.rows(),
                    "SELECT patient_id, gene, value FROM targets");
            List<String> pool = strings(s, "SELECT unit FROM splits WHERE split_name = 'ho' AND role = 'TRAIN'");
            assertEquals(32, pool.size());
            int[] rows = data.features().slideIds().stream().filter(pool::contains).mapToInt(data.features().slideIds()::indexOf).toArray();
            RidgeModel model = RidgeHead.fit(data.features().select(rows), data.targets().select(rows),
                    RidgeOptions.sharedGrid(new double[] {1, 10, 100, 1000}));
            double[][] predicted = model.predict(slides);
            Targets names = data.targets();
            for (int i = 0; i < slides.rows(); i++) {
                for (int g = 0; g < names.outputs(); g++) {
                    expected.put(slides.slideId(i) + "/" + names.names().get(g), predicted[i][g]);
                }
            }
            int compared = 0;
            try (Statement st = s.connection().createStatement();
                    ResultSet r = st.executeQuery("SELECT slide_id, gene, predicted FROM predictions")) {
                while (r.next()) {
                    Double e = expected.get(r.getString(1) + "/" + r.getString(2));
                    assertEquals(e, r.getDouble(3), 1e-6, r.getString(1) + " " + r.getString(2));
                    compared++;
                }
            }
            assertEquals(2 * PATIENTS * 6, compared);
        }
    }

    @Test
    void pcaAndMlpVariantsOfTheAggregateHeadTrainAndTheMlpCannotBeBundled() throws Exception {
        cohort();
        for (String[] variant : new String[][] {{"--pca", "4"}, {"--mlp", "--hidden", "16"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "aggregate", "--store", store().toString(),
                    "--param", "backbone=" + MOBILENET, "--targets", "SELECT patient_id, gene, value FROM targets", "--split-name", "ho",
                    "--lambdas", "1,10,100,1000"));
            args.addAll(java.util.List.of(variant));
            Cli train = Cli.run(args.toArray(String[]::new));
            assertEquals(0, train.code(), train.toString());
            assertTrue(train.out().contains(variant[0].equals("--pca") ? "pca-ridge" : "mlp"), train.out());
        }
        Cli bundled = Cli.run("train", "aggregate", "--mlp", "--store", store().toString(), "--param", "backbone=" + MOBILENET,
                "--targets", "SELECT patient_id, gene, value FROM targets", "--split-name", "ho", "--bundle", tmp.resolve("b").toString());
        assertEquals(1, bundled.code(), bundled.toString());
        assertTrue(bundled.err().contains("not linear"), bundled.err());
    }

    @Test
    void perGeneElasticNetOnAShortListFindsThePlantedGenes() throws Exception {
        cohort();
        Cli train = Cli.run("train", "per-gene", "--elastic-net", "0.5", "--store", store().toString(), "--param", "backbone=" + MOBILENET,
                "--targets", "SELECT patient_id, gene, value FROM targets", "--split-name", "ho", "--lambdas", "0.001,0.01,0.1,1");
        assertEquals(0, train.code(), train.toString());
        assertTrue(train.out().contains("per-gene-elastic-net"), train.out());
        assertTrue(train.out().contains("confirmed on test 2 ("), "the two planted genes are confirmed on test patients: " + train.out());
    }

    @Test
    void aBundleOfABackboneWithoutEmbeddingsIsRefusedBeforeTraining() throws Exception {
        cohort();
        try (FeatureStore s = FeatureStore.open(store()); Statement st = s.connection().createStatement()) {
            st.execute("UPDATE embedding_sets SET weights_sha256 = '" + "ab".repeat(32) + "'");
        }
        Cli train = Cli.run("train", "aggregate", "--store", store().toString(), "--param", "backbone=" + MOBILENET,
                "--targets", "SELECT patient_id, gene, value FROM targets", "--bundle", tmp.resolve("b").toString());
        assertEquals(1, train.code(), train.toString());
        assertTrue(train.err().contains("no embeddings of backbone '" + MOBILENET + "'"), train.err());
        assertTrue(Files.notExists(tmp.resolve("b")));
        try (FeatureStore s = FeatureStore.openReadOnly(store())) {
            assertEquals(List.of(), strings(s, "SELECT run_id FROM training_runs"), "refused before any training");
        }
    }

    private static List<String> strings(FeatureStore s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
