package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.BackboneException;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;

/**
 * A backbone exported in fp16 is its own card: other weights, so another sha256, another name, its own embedding
 * sets. The fp16 copies of the shared MobileNetV2 are made at test time by src/test/resources/fp16/to_fp16.py
 * (Debian python3-onnx, installed by run-tests), never committed.
 */
class Fp16BackboneTest {
    private static final String FP16 = "mobilenet_v2_imagenet_fp16";

    @TempDir
    Path tmp;

    private Path fp16(String io) throws Exception {
        Path script = Path.of(getClass().getResource("/fp16/to_fp16.py").toURI());
        Path out = tmp.resolve("mobilenet_v2_imagenet_fp16_" + io + ".onnx");
        Path src = BackboneCard.builtin(Fixtures.MOBILENET).modelIn(Shared.path("models"));
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), src.toString(), out.toString(), io)
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, "to_fp16.py failed (is python3-onnx installed?):\n" + log);
        return out;
    }

    private static BackboneCard card(String name, Path model) throws Exception {
        BackboneCard fp32 = BackboneCard.builtin(Fixtures.MOBILENET);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
        return new BackboneCard(name, model.getFileName().toString(), fp32.inputName(), fp32.inputSize(), fp32.channelOrder(),
                fp32.mean(), fp32.std(), fp32.outputName(), fp32.dimension(), sha, "fp16 copy of " + fp32.name(), fp32.licence());
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (double) a[i] * b[i];
            aa += (double) a[i] * a[i];
            bb += (double) b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void fp16WeightsWithFloat32InputAndOutputAreTheirOwnCardWithTheirOwnEmbeddings() throws Exception {
        Path model = fp16("float32");
        BackboneCard half = card(FP16, model);
        BackboneCard full = BackboneCard.builtin(Fixtures.MOBILENET);
        assertNotEquals(full.sha256(), half.sha256());
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            SlideImporter.add(store, List.of(Fixtures.entry(Fixtures.cmu(), null)));
            Fixtures.addBackbone(store, Fixtures.MOBILENET);
            assertTrue(BackboneRegistry.add(store, half, model));
            Fixtures.extract(store, Fixtures.options(Fixtures.MOBILENET));
            Fixtures.extract(store, Fixtures.options(FP16));
            assertEquals(2, Fixtures.count(store, "SELECT count(DISTINCT weights_sha256) FROM embedding_sets"));
            Map<String, float[]> all = Fixtures.embeddings(store);
            int tiles = 0;
            double worst = 1;
            float maxDiff = 0;
            for (var e : all.entrySet()) {
                if (!e.getKey().contains("/" + Fixtures.MOBILENET + "/")) {
                    continue;
                }
                float[] a = e.getValue();
                float[] b = all.get(e.getKey().replace("/" + Fixtures.MOBILENET + "/", "/" + FP16 + "/"));
                assertEquals(1280, b.length);
                worst = Math.min(worst, cosine(a, b));
                for (int i = 0; i < a.length; i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
                }
                tiles++;
            }
            assertTrue(tiles > 0 && tiles * 2 == all.size(), tiles + " tiles of " + all.size());
            // fp16 rounding (11-bit mantissa) moves the vectors a little but not their direction (worst cosine
            // 0.99995 over the 43 224 px tiles of CMU-1-Small-Region, measured with tessera sql; here 448 px tiles).
            assertTrue(worst > 0.999, "worst cosine fp16 vs fp32: " + worst);
            assertTrue(maxDiff > 0, "the fp16 model must actually differ");
        }
    }

    @Test
    void fp16WeightsCannotTakeTheFp32CardsName() throws Exception {
        Path model = fp16("float32");
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            Fixtures.addBackbone(store, Fixtures.MOBILENET);
            SQLException e = assertThrows(SQLException.class, () -> BackboneRegistry.add(store, card(Fixtures.MOBILENET, model), model));
            assertTrue(e.getMessage().contains("already bound to weights") && e.getMessage().contains("another name"), e.getMessage());
        }
    }

    @Test
    void aModelWithFloat16InputIsRefusedAtRegistrationWithOnnxRuntimesReason() throws Exception {
        Path model = fp16("float16");
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            BackboneException e = assertThrows(BackboneException.class, () -> BackboneRegistry.add(store, card(FP16, model), model));
            assertTrue(e.getMessage().contains("float16") && e.getMessage().contains(model.getFileName().toString()), e.getMessage());
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM backbones"));
        }
    }
}
