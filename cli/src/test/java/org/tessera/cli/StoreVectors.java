package org.tessera.cli;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tessera.store.FeatureStore;

/** A store's tile embeddings, read back through the {@code embeddings} view, for comparing two stores. */
final class StoreVectors {
    private StoreVectors() {
    }

    /** "slide/tile" -> vector, in slide and tile order. */
    static Map<String, float[]> of(Path store) throws Exception {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (FeatureStore s = FeatureStore.openReadOnly(store); Statement st = s.connection().createStatement();
                ResultSet r = st.executeQuery("SELECT slide_id, tile_index, vector FROM embeddings ORDER BY ALL")) {
            while (r.next()) {
                out.put(r.getString(1) + "/" + r.getInt(2), floats(r.getArray(3)));
            }
        }
        return out;
    }

    private static float[] floats(Array a) throws Exception {
        Object[] boxed = (Object[]) a.getArray();
        float[] f = new float[boxed.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = ((Number) boxed[i]).floatValue();
        }
        return f;
    }
}
