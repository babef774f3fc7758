package org.tessera.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.heads.PerGeneModel;
import org.tessera.heads.PerGeneOptions;
import org.tessera.heads.PerGeneRidge;
import org.tessera.heads.RidgeHead;
import org.tessera.heads.RidgeModel;
import org.tessera.heads.RidgeOptions;
import org.tessera.heads.Targets;
import org.tessera.splits.Split;
import org.tessera.splits.Splits;
import org.tessera.splits.Unit;
import org.tessera.store.Ids;
import org.tessera.tiling.TilingSpec;

/**
 * The bundle format: what is written is read back whole, the weight files hold what bundle.json says they
 * hold, and a damaged bundle is refused naming the file and field. Features are a seeded synthetic matrix
 * with the dimension of mobilenet (1280) over 12 slides of 6 patients; the card is the shipped mobilenet one.
 */
class BundleTest {
    private static final int N = 12;
    private static final int P = 1280;
    private static final List<String> GENES = List.of("ERBB2", "ESR1", "PGR", "MKI67");

    @TempDir
    Path tmp;

    private static FeatureMatrix features() {
        Random r = new Random(7);
        List<String> ids = new ArrayList<>();
        double[][] x = new double[N][P];
        for (int i = 0; i < N; i++) {
            ids.add("s" + i);
            for (int c = 0; c < P; c++) {
                x[i][c] = 0.5 + r.nextGaussian() * (1 + c % 5);
            }
        }
        return FeatureMatrix.of(ids, x);
    }

    private static Targets targets(FeatureMatrix x) {
        double[][] y = new double[N][GENES.size()];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < GENES.size(); j++) {
                y[i][j] = 3 + x.get(i, j) - 0.5 * x.get(i, j + 10) + 0.1 * i;
            }
        }
        return new Targets(GENES, y);
    }

    private static Split split() {
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            units.add(Unit.of("s" + i, "patient" + i / 2));
        }
        return Splits.holdOut("holdout-30", units, 0.3, 2, 42);
    }

    static Bundle bundle(LinearWeights weights, BundleKind kind) throws Exception {
        BackboneCard card = BackboneCard.builtin("mobilenet_v2_imagenet");
        String method = "saturation-otsu test";
        TilingProvenance tiling = new TilingProvenance(Ids.tilingId(TilingSpec.DEFAULT.key(), method), TilingSpec.DEFAULT, method);
        FeatureSetProvenance set = FeatureSetProvenance.of(FeatureSet.named("slide_mean", Pooling.NONE),
                Map.of("backbone", card.name()));
        return Bundle.of(kind, new BackboneProvenance(card.name(), card.sha256(), card), tiling, "none", set,
                List.of("log2(1+x)", "z-score per gene"), Optional.of(split()),
                Map.of("median_pearson_r", 0.41, "genes_q_below_0.1", 3.0, "undefined", Double.NaN), weights);
    }

    private Path written() throws Exception {
        FeatureMatrix x = features();
        Path dir = tmp.resolve("model");
        bundle(LinearWeights.of(RidgeHead.fit(x, targets(x), RidgeOptions.shared(10))), BundleKind.AGGREGATE_RIDGE).write(dir);
        return dir;
    }

    @Test
    void linearWeightsPredictWhatTheRidgeHeadsPredict() {
        FeatureMatrix x = features();
        RidgeModel ridge = RidgeHead.fit(x, targets(x), RidgeOptions.perOutput(0.1, 10, 1000));
        PerGeneModel perGene = PerGeneRidge.fit(x, targets(x), PerGeneOptions.leaveOneOut(0.1, 10, 1000));
        double[][] a = ridge.predict(x);
        double[][] b = LinearWeights.of(ridge).predict(x);
        double[][] c = perGene.predict(x);
        double[][] d = LinearWeights.of(perGene).predict(x);
        for (int i = 0; i < N; i++) {
            assertArrayEquals(a[i], b[i], 1e-9, "ridge row " + i);
            assertArrayEquals(c[i], d[i], 1e-5, "per-gene row " + i); // its coefficients are stored as float
        }
    }

    @Test
    void whatIsWrittenIsReadBackWholeAndTheIdIsTheManifestsChecksum() throws Exception {
        FeatureMatrix x = features();
        Bundle original = bundle(LinearWeights.of(RidgeHead.fit(x, targets(x), RidgeOptions.shared(10))), BundleKind.AGGREGATE_RIDGE);
        Path dir = tmp.resolve("model");

        String id = original.write(dir);
        Bundle read = Bundle.read(dir);

        assertEquals(original, read);
        assertEquals(GENES, read.genes());
        assertEquals(id, read.id());
        String fileSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve("bundle.json"))));
        assertEquals(fileSha, id);
        assertTrue(Double.isNaN(read.metrics().get("undefined")));
        try (var siblings = Files.list(tmp)) {
            assertEquals(List.of(dir), siblings.toList(), "no temporary directory is left behind");
        }
    }

    @Test
    void theWeightFilesAreLittleEndianFloat64InTheDocumentedLayout() throws Exception {
        Path dir = written();
        Bundle b = Bundle.read(dir);
        ByteBuffer w = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("coefficients.f64"))).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer i = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("intercepts.f64"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(P * GENES.size() * 8, w.capacity());
        for (int k : new int[] {0, 1, 639, P - 1}) {
            for (int j = 0; j < GENES.size(); j++) {
                assertEquals(b.weights().weight(k, j), w.getDouble((k * GENES.size() + j) * 8), 0.0);
            }
        }
        assertArrayEquals(b.weights().intercepts(), new double[] {i.getDouble(0), i.getDouble(8), i.getDouble(16), i.getDouble(24)});
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(dir.resolve("bundle.json").toFile());
        assertEquals("[" + P + "," + GENES.size() + "]", json.at("/weights/coefficients/shape").toString());
        assertEquals("aggregate-ridge", json.get("kind").asText());
        assertEquals(224, json.at("/tiling/tile_px").asInt());
        assertTrue(json.at("/feature_set/sql").asText().contains("slide_embeddings_mean"));
        List<String> split = Files.readAllLines(dir.resolve("split.tsv"));
        assertEquals("unit\tpatient\tfold\trole", split.get(0));
        assertEquals(N + 1, split.size());
    }

    @Test
    void aManifestWithAMissingFieldIsRefusedNamingTheFileAndField() throws Exception {
        Path dir = written();
        Path manifest = dir.resolve("bundle.json");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode json = (ObjectNode) mapper.readTree(manifest.toFile());
        ((ObjectNode) json.get("tiling")).remove("tile_px");
        Files.writeString(manifest, mapper.writeValueAsString(json));

        BundleException e = assertThrows(BundleException.class, () -> Bundle.read(dir));

        assertTrue(e.getMessage().contains(manifest.toString()) && e.getMessage().contains("'tiling.tile_px' is missing"),
                e.getMessage());
    }

    @Test
    void aChangedWeightsFileIsRefusedByItsChecksum() throws Exception {
        Path dir = written();
        Path coefficients = dir.resolve("coefficients.f64");
        byte[] bytes = Files.readAllBytes(coefficients);
        bytes[100] ^= 1;
        Files.write(coefficients, bytes);

        BundleException e = assertThrows(BundleException.class, () -> Bundle.read(dir));

        assertTrue(e.getMessage().contains("coefficients.f64") && e.getMessage().contains("sha256"), e.getMessage());
    }

    @Test
    void aTilingIdThatDoesNotMatchItsSpecIsRefused() throws Exception {
        Path dir = written();
        Path manifest = dir.resolve("bundle.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"tile_px\" : 224", "\"tile_px\" : 256"));

        BundleException e = assertThrows(BundleException.class, () -> Bundle.read(dir));

        assertTrue(e.getMessage().contains("'tiling' is invalid") && e.getMessage().contains("px=256"), e.getMessage());
    }

    @Test
    void aBundleFromANewerFormatIsRefusedSayingSo() throws Exception {
        Path dir = written();
        Path manifest = dir.resolve("bundle.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"format_version\" : 1", "\"format_version\" : 2"));

        BundleException e = assertThrows(BundleException.class, () -> Bundle.read(dir));

        assertTrue(e.getMessage().contains("format_version") && e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void anExistingDirectoryIsNeverOverwritten() throws Exception {
        Path dir = written();
        Bundle b = Bundle.read(dir);

        BundleException e = assertThrows(BundleException.class, () -> b.write(dir));

        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals(b, Bundle.read(dir));
    }
}
