package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.extract.Fixtures.MOBILENET;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.store.DuckDbOneClient;
import org.tessera.store.FeatureStore;

/** A store made by Tessera (DuckDB 2.0) opened by DuckDB 1.x, an independent client: same rows, same vectors. */
class DuckDbOneReadsTheStoreTest {
    @TempDir
    Path tmp;

    @Test
    void duckDbOneReadsTheCatalogueAndTheParquetFilesAsJavaDoes() throws Exception {
        Path dir = tmp.resolve("s");
        Map<String, float[]> java;
        long slides;
        long tiles;
        double[] means;
        try (FeatureStore store = FeatureStore.open(dir)) {
            Fixtures.addBackbone(store, MOBILENET);
            SlideImporter.add(store, List.of(Fixtures.entry(Fixtures.cmu(), null)));
            Fixtures.extract(store, Fixtures.options(MOBILENET));
            java = Fixtures.embeddings(store);
            slides = Fixtures.count(store, "SELECT count(*) FROM slides");
            tiles = Fixtures.count(store, "SELECT count(*) FROM tiles");
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT n_tiles, list_sum(vector) FROM slide_embeddings_mean")) {
                r.next();
                means = new double[] {r.getLong(1), r.getDouble(2)};
            }
        }
        assertTrue(java.size() >= 5, "the fixture should embed tiles: " + java.size());

        DuckDbOneClient.Read read = DuckDbOneClient.read(dir,
                "SELECT count(*)::INTEGER FROM slides",
                "SELECT count(*)::INTEGER FROM tiles",
                "SELECT slide_id, backbone, tile_index, vector FROM embeddings ORDER BY slide_id, backbone, tile_index",
                "SELECT count(*)::INTEGER FROM read_parquet('embeddings/**/*.parquet')",
                "SELECT n_tiles::INTEGER, list_sum(vector)::DOUBLE FROM slide_embeddings_mean");
        assertTrue(read.version().startsWith("v1."), "not a DuckDB 1.x client: " + read.version());
        assertEquals(slides, read.results().get(0).get(0).get(0).asLong());
        assertEquals(tiles, read.results().get(1).get(0).get(0).asLong());
        JsonNode rows = read.results().get(2);
        assertEquals(java.size(), rows.size());
        assertEquals(java.size(), read.results().get(3).get(0).get(0).asLong(), "rows of the Parquet files");
        for (JsonNode row : rows) {
            String key = row.get(0).asText() + "/" + row.get(1).asText() + "/" + row.get(2).asInt();
            float[] expected = java.get(key);
            assertEquals(expected.length, row.get(3).size(), key);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], (float) row.get(3).get(i).asDouble(), key + "[" + i + "]"); // bit-equal floats
            }
        }
        JsonNode mean = read.results().get(4).get(0);
        assertEquals((long) means[0], mean.get(0).asLong());
        assertEquals(means[1], mean.get(1).asDouble(), 1e-9 * Math.abs(means[1]));
    }
}
