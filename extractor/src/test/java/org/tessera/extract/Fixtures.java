package org.tessera.extract;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.tessera.backbone.BackboneCard;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;
import org.tessera.tiling.TilingSpec;

/** Stores built from the shared data for the extraction tests. */
final class Fixtures {
    static final String MOBILENET = "mobilenet_v2_imagenet";
    /** 448 px tiles at 0.5 um/px: few enough tiles that the tests stay quick on two cores. */
    static final TilingSpec LARGE_TILES = TilingSpec.of(448, 0.5);

    private Fixtures() {
    }

    static Path cmu() {
        return Shared.path("slides/CMU-1-Small-Region.svs");
    }

    static Path tcga() {
        return Shared.path("slides/TCGA-CR-7395-01A-01-TS1.svs");
    }

    static void addBackbone(FeatureStore store, String name) throws Exception {
        BackboneCard card = BackboneCard.builtin(name);
        BackboneRegistry.add(store, card, card.modelIn(Shared.path("models")));
    }

    static SlideImporter.Entry entry(Path p, Double mpp) {
        return new SlideImporter.Entry(p, mpp == null ? OptionalDouble.empty() : OptionalDouble.of(mpp), Optional.empty(),
                Optional.of("TEST"));
    }

    /** A store with mobilenet and the two SVS slides (the TCGA one at an assumed 0.5 um/px). */
    static FeatureStore twoSlides(Path dir) throws Exception {
        FeatureStore store = FeatureStore.open(dir);
        addBackbone(store, MOBILENET);
        SlideImporter.Report r = SlideImporter.add(store, List.of(entry(cmu(), null), entry(tcga(), 0.5)));
        if (!r.failures().isEmpty()) {
            throw new AssertionError("fixture slides failed: " + r.failures());
        }
        return store;
    }

    static ExtractionOptions options(String backbone) {
        return ExtractionOptions.defaults(backbone).withTiling(LARGE_TILES);
    }

    static ExtractionReport extract(FeatureStore store, ExtractionOptions options) throws Exception {
        return new Extractor(store, options).run(store.slides().all(), p -> { });
    }

    /** Every stored embedding, keyed "slide/backbone/tile". */
    static Map<String, float[]> embeddings(FeatureStore store) throws SQLException {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT slide_id, backbone, tile_index, vector FROM embeddings "
                        + "ORDER BY slide_id, backbone, tile_index")) {
            while (r.next()) {
                out.put(r.getString(1) + "/" + r.getString(2) + "/" + r.getInt(3), floats(r.getArray(4)));
            }
        }
        return out;
    }

    static float[] floats(Array array) throws SQLException {
        Object[] boxed = (Object[]) array.getArray();
        float[] out = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            out[i] = ((Number) boxed[i]).floatValue();
        }
        return out;
    }

    static long count(FeatureStore store, String sql) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** One tile's embedding straight from ONNX Runtime (no Tessera code): the model's "embedding" for "input". */
    static float[] onnxEmbedding(OrtEnvironment env, OrtSession session, float[] input, int side) throws OrtException {
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, side, side});
                OrtSession.Result out = session.run(Map.of("input", x), Set.of("embedding"))) {
            return ((float[][]) out.get(0).getValue())[0];
        }
    }
}
