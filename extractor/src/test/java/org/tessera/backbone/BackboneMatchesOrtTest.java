package org.tessera.backbone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/**
 * Embeddings through {@link Backbone} (DJL, translator, output picked by name) equal a plain ONNX Runtime session
 * run on the same floats, built here without any of the production code path.
 */
class BackboneMatchesOrtTest {

    private static final String[] TILES = {
        "tcga-brca/tiles/TCGA-A2-A04R/TCGA-A2-A04R-01Z-00-DX1.BE3661A3-A2A0-4248-B7D5-D8986E529B6C_x15680_y39200.png",
        "tcga-brca/tiles/TCGA-A2-A04Y/TCGA-A2-A04Y-01Z-00-DX1.4DC97AD6-4806-4A3A-A998-FD36F93590A4_x9408_y59136.png",
    };

    @Test
    void embeddingsEqualARawOrtSessionOnTcgaTiles() throws Exception {
        BackboneCard card = TestCards.mobilenet();
        Path model = TestCards.modelFile(card);
        int n = TILES.length;
        float[] batch = new float[n * card.floatsPerTile()];
        TilePreprocessor pre = TilePreprocessor.forCard(card);
        for (int i = 0; i < n; i++) {
            BufferedImage tile = ImageIO.read(Shared.path(TILES[i]).toFile());
            pre.write(tile, batch, i * card.floatsPerTile());
        }
        float[] viaBackbone;
        float[] viaDirect;
        try (Backbone backbone = Backbone.load(card, model, DeviceChoice.CPU)) {
            viaBackbone = backbone.embed(batch, n);
            // The extractor's batches: native memory read in place, longer than the n tiles, position moved.
            FloatBuffer direct = ByteBuffer.allocateDirect((n + 1) * card.floatsPerTile() * Float.BYTES).order(ByteOrder.nativeOrder())
                    .asFloatBuffer().put(batch).put(new float[card.floatsPerTile()]);
            viaDirect = backbone.embed(direct, n);
        }
        assertArrayEquals(viaBackbone, viaDirect);
        float[] viaOrt = rawOrt(model, batch, n, card.inputSize());
        assertEquals(n * 1280, viaBackbone.length);
        assertEquals(viaOrt.length, viaBackbone.length);
        double maxDiff = 0;
        for (int i = 0; i < viaOrt.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(viaOrt[i] - viaBackbone[i]));
        }
        assertEquals(0, maxDiff, 1e-5);
    }

    private static float[] rawOrt(Path model, float[] batch, int n, int side) throws Exception {
        Engine.getEngine("OnnxRuntime"); // DJL must create the ORT environment before any raw ORT call.
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model.toString(), options);
                OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(batch), new long[] {n, 3, side, side});
                OrtSession.Result result = session.run(Map.of("input", input), Set.of("embedding"))) {
            float[][] rows = (float[][]) result.get("embedding").orElseThrow().getValue();
            float[] flat = new float[n * rows[0].length];
            for (int i = 0; i < n; i++) {
                System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
            }
            return flat;
        }
    }
}
