package org.tessera.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TilingSpec;

class FeatureStoreTest {
    private static final String SHA = "a".repeat(64);
    private static final int DIM = 7;

    @TempDir
    Path tmp;

    private BufferAllocator allocator;

    @BeforeEach
    void allocator() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void noLeak() {
        allocator.close(); // throws if any Arrow buffer was not released
    }

    private static SlideRecord slide(String fingerprint, String path) {
        return new SlideRecord(Ids.slideId(fingerprint), fingerprint, "slide", path, "aperio", 0.5, "file",
                Optional.of(20.0), 1000, 800, 2, Optional.of("TCGA-AA-0001"), Optional.of("TEST"), 123);
    }

    /** Registers a slide, a tiling with {@code n} tiles and a backbone; returns the feature key. */
    private static FeatureKey populate(FeatureStore store, int n) throws SQLException {
        SlideRecord s = store.slides().register(slide("quickhash1:abc", "/data/a.svs")).slide();
        String tiling = store.tilings().register(TilingSpec.DEFAULT, "otsu-test");
        List<Tile> tiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tiles.add(new Tile(i * 2, i * 2 % 4, i * 2 / 4, i * 448L % 896, i * 448L / 896 * 224, 448, 448, 0.9));
        }
        store.tilings().save(new GridRecord(s.slideId(), tiling, 4, n, n, 0.5, 0, Optional.empty()), tiles);
        store.backbones().add(new BackboneRecord("toy", SHA, DIM, 224, "/m/toy.onnx", "{\"name\":\"toy\"}"));
        return new FeatureKey(s.slideId(), tiling, SHA, "none");
    }

    private static float[] vector(int tile) {
        float[] v = new float[DIM];
        Random r = new Random(tile);
        for (int j = 0; j < DIM; j++) {
            v[j] = r.nextFloat() - 0.5f;
        }
        return v;
    }

    private void writeSet(FeatureStore store, FeatureKey key, int n, int partRows) throws Exception {
        try (DuckDBConnection c = store.newConnection();
                SetWriter w = store.embeddings().begin(c, allocator, key, DIM, partRows)) {
            for (int i = n - 1; i >= 0; i--) { // out of order on purpose: parts are sorted
                w.add(i * 2, vector(i * 2), 0);
            }
            w.commit(null, 0.1);
        }
    }

    /**
     * Writes a set of {@code n} tiles in parts of {@code partRows}, checks that the view gives back tiles 0, 2, ..
     * 2(n-1) with exactly the vectors written under the backbone's name, and returns the set's part files in order.
     */
    private List<Path> writeAndReadBack(FeatureStore store, int n, int partRows) throws Exception {
        FeatureKey key = populate(store, n);
        writeSet(store, key, n, partRows);
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT tile_index, vector, backbone FROM embeddings ORDER BY tile_index")) {
            int i = 0;
            while (r.next()) {
                assertEquals(i * 2, r.getInt(1));
                assertArrayEquals(vector(i * 2), floats(r.getArray(2)));
                assertEquals("toy", r.getString(3));
                i++;
            }
            assertEquals(n, i);
        }
        try (var list = Files.list(store.resolve(key.relativeDir()))) {
            return list.sorted().toList();
        }
    }

    @Test
    void embeddingsWrittenInSeveralPartsReadBackExactlyThroughTheView() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            assertEquals(3, writeAndReadBack(store, 10, 4).size(), "10 rows in parts of 4 make 3 Parquet files");
        }
    }

    @Test
    void aBufferThatGrowsPastItsFirstSizeKeepsEveryRowAndItsPartsSorted() throws Exception {
        // 1,000 rows arriving in reverse, parts of 600: the writer's buffer grows by chunks of 256 rows to 600.
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            List<Path> parts = writeAndReadBack(store, 1000, 600);
            assertEquals(2, parts.size(), "1,000 rows in parts of 600 make 2 Parquet files");
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*), min(tile_index), max(tile_index), "
                            + "bool_and(tile_index > prev) FROM (SELECT tile_index, lag(tile_index, 1, -1) OVER (ORDER BY file_row_number) AS prev FROM read_parquet('"
                            + parts.get(0) + "', file_row_number = true))")) {
                assertTrue(r.next());
                // The first 600 rows to arrive were tiles 1998 down to 800: written sorted.
                assertEquals(600, r.getInt(1));
                assertEquals(800, r.getInt(2));
                assertEquals(1998, r.getInt(3));
                assertTrue(r.getBoolean(4), "the part's rows are in tile order");
            }
        }
    }

    @Test
    void slideMeanViewIsTheMeanOfTheTileVectors() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            FeatureKey key = populate(store, 5);
            writeSet(store, key, 5, 100);
            double[] expected = new double[DIM];
            for (int i = 0; i < 5; i++) {
                float[] v = vector(i * 2);
                for (int j = 0; j < DIM; j++) {
                    expected[j] += v[j] / 5.0;
                }
            }
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT n_tiles, vector, patient_id FROM slide_embeddings_mean")) {
                assertTrue(r.next());
                assertEquals(5, r.getInt(1));
                float[] mean = floats(r.getArray(2));
                for (int j = 0; j < DIM; j++) {
                    assertEquals(expected[j], mean[j], 1e-6);
                }
                assertEquals("TCGA-AA-0001", r.getString(3));
            }
        }
    }

    @Test
    void movedStoreIsReadableWithPlainDuckDbFromItsDirectory() throws Exception {
        Path first = tmp.resolve("first");
        try (FeatureStore store = FeatureStore.open(first)) {
            writeSet(store, populate(store, 6), 6, 4);
        }
        Path moved = tmp.resolve("elsewhere/moved");
        Files.createDirectories(moved.getParent());
        Files.move(first, moved);
        try (FeatureStore store = FeatureStore.openReadOnly(moved);
                Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT count(*), sum(len(vector)) FROM embeddings")) {
            r.next();
            assertEquals(6, r.getLong(1));
            assertEquals(6 * DIM, r.getLong(2));
        }
        // Plain DuckDB without the catalogue: read_parquet over the files gives the same vectors.
        try (DuckDBConnection c = (DuckDBConnection) java.sql.DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT tile_index, vector FROM read_parquet('"
                        + moved.resolve("embeddings/**/*.parquet") + "') ORDER BY tile_index")) {
            int n = 0;
            while (r.next()) {
                assertArrayEquals(vector(r.getInt(1)), floats(r.getArray(2)));
                n++;
            }
            assertEquals(6, n);
        }
    }

    @Test
    void recoveryRemovesStagingAndUnrecordedSetsSoNothingIsDuplicated() throws Exception {
        Path dir = tmp.resolve("s");
        FeatureKey key;
        try (FeatureStore store = FeatureStore.open(dir)) {
            key = populate(store, 4);
            writeSet(store, key, 4, 100);
            // Simulate a crash after the rename but before the insert: delete the row, keep the folder.
            store.connection().createStatement().execute("DELETE FROM embedding_sets");
            Files.createDirectories(dir.resolve(".staging/half-written"));
            Files.writeString(dir.resolve(".staging/half-written/part-00000.parquet"), "truncated");
        }
        try (FeatureStore store = FeatureStore.open(dir)) {
            assertFalse(Files.exists(dir.resolve(key.relativeDir())), "orphan set removed");
            assertFalse(Files.exists(dir.resolve(".staging/half-written")), "staging cleared");
            assertFalse(store.embeddings().exists(key));
            writeSet(store, key, 4, 100);
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('embeddings/**/*.parquet')")) {
                r.next();
                assertEquals(4, r.getLong(1), "exactly one copy of each tile on disk");
            }
        }
    }

    @Test
    void closingAWriterWithoutCommitLeavesNoTrace() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            FeatureKey key = populate(store, 3);
            try (DuckDBConnection c = store.newConnection();
                    SetWriter w = store.embeddings().begin(c, allocator, key, DIM, 2)) {
                for (int i = 0; i < 3; i++) {
                    w.add(i * 2, vector(i * 2), 0);
                }
            }
            assertFalse(store.embeddings().exists(key));
            try (var staged = Files.list(store.root().resolve(".staging"))) {
                assertEquals(0, staged.filter(Files::isDirectory).count());
            }
        }
    }

    @Test
    void renamedSlideKeepsItsIdAndBackboneNameCannotBeRepointed() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            var first = store.slides().register(slide("quickhash1:abc", "/data/a.svs"));
            var again = store.slides().register(slide("quickhash1:abc", "/moved/renamed.svs"));
            assertFalse(first.known());
            assertTrue(again.known());
            assertEquals(first.slide().slideId(), again.slide().slideId());
            assertEquals("/moved/renamed.svs", again.slide().path());
            store.backbones().add(new BackboneRecord("toy", SHA, DIM, 224, "/m/toy.onnx", "{}"));
            SQLException e = assertThrows(SQLException.class, () -> store.backbones()
                    .add(new BackboneRecord("toy", "b".repeat(64), DIM, 224, "/m/other.onnx", "{}")));
            assertTrue(e.getMessage().contains("already bound"), e.getMessage());
        }
    }

    @Test
    void embeddingsComeBackOutAsArrowBatches() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            writeSet(store, populate(store, 9), 9, 5);
            int seen = 0;
            try (ArrowResult result = ArrowResult.query(store.connection(),
                    "SELECT tile_index, vector FROM embeddings ORDER BY tile_index", allocator, 4)) {
                while (result.reader().loadNextBatch()) {
                    VectorSchemaRoot root = result.reader().getVectorSchemaRoot();
                    IntVector idx = (IntVector) root.getVector(0);
                    ListVector list = (ListVector) root.getVector(1);
                    Float4Vector data = (Float4Vector) list.getDataVector();
                    for (int i = 0; i < root.getRowCount(); i++) {
                        int start = list.getElementStartIndex(i);
                        float[] v = new float[DIM];
                        for (int j = 0; j < DIM; j++) {
                            v[j] = data.get(start + j);
                        }
                        assertArrayEquals(vector(idx.get(i)), v);
                        seen++;
                    }
                }
            }
            assertEquals(9, seen);
        }
    }

    @Test
    void readOnlyOpenOfAMissingStoreSaysWhatToDo() {
        StoreException e = assertThrows(StoreException.class, () -> FeatureStore.openReadOnly(tmp.resolve("none")));
        assertTrue(e.getMessage().contains("tessera init"), e.getMessage());
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] boxed = (Object[]) array.getArray();
        float[] out = new float[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            out[i] = ((Number) boxed[i]).floatValue();
        }
        return out;
    }
}
