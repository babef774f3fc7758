package org.tessera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.tessera.store.FeatureStore;

/** What fault tests compare between a store that went through a fault and one that did not. */
final class StoreRows {
    /** The rows an extraction must reproduce exactly: every tile's vector, the Parquet rows on disk, the recorded sets. */
    static final List<String> EXTRACTION = List.of("SELECT slide_id, tile_index, vector FROM embeddings",
            "SELECT count(*) FROM read_parquet('embeddings/**/*.parquet')",
            "SELECT slide_id, tiling_id, weights_sha256, stain, n_tiles, dimension, mean_vector FROM embedding_sets");

    private StoreRows() {
    }

    /** Per query: rows, distinct rows and the XOR of every row's hash (lost, duplicated or changed rows all show). */
    static Map<String, String> fingerprint(Path store, List<String> queries) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        if (!Files.exists(store.resolve(FeatureStore.DATABASE))) {
            return out;
        }
        try (FeatureStore s = FeatureStore.openReadOnly(store); Statement st = s.connection().createStatement()) {
            for (String q : queries) {
                try (ResultSet r = st.executeQuery("SELECT count(*) || ' rows, ' || count(DISTINCT t) || ' distinct, hash ' "
                        + "|| coalesce(bit_xor(hash(t)), 0) FROM (" + q + ") t")) {
                    r.next();
                    out.put(q, r.getString(1));
                }
            }
        } catch (java.sql.SQLException | org.tessera.store.StoreException e) {
            out.put("error", e.getMessage()); // a store the kill left unopenable read-only (not yet recovered) differs
        }
        return out;
    }

    /** Copies a closed store folder. */
    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
