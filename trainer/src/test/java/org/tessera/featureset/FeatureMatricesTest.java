package org.tessera.featureset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureKey;
import org.tessera.store.FeatureStore;
import org.tessera.store.GridRecord;
import org.tessera.store.Ids;
import org.tessera.store.SetWriter;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TilingSpec;

/**
 * Reading feature sets from a real store written with the extractor's {@link SetWriter}: four slides of 3,
 * 7, 1 and 12 tiles with 5-dimensional random vectors and tissue fractions from 0.30 to 0.93. Batches of 4
 * rows, so slides straddle Arrow batches. Expected values are computed here directly from the float vectors
 * that were written; each test closes its allocator, which fails on any unreleased Arrow buffer.
 */
class FeatureMatricesTest {
    private static final String SHA = "b".repeat(64);
    private static final int DIM = 5;
    private static final int[] TILES = {3, 7, 1, 12};
    private static final int BATCH = 4;

    @TempDir
    Path tmp;

    private BufferAllocator allocator;
    private FeatureStore store;
    /** slide id -> tile index -> vector, as written. */
    private final Map<String, TreeMap<Integer, float[]>> written = new TreeMap<>();
    private final Map<String, String> patients = new TreeMap<>();

    @BeforeEach
    void store() throws Exception {
        allocator = new RootAllocator();
        store = FeatureStore.open(tmp.resolve("store"));
        String tiling = store.tilings().register(TilingSpec.DEFAULT, "otsu-test");
        store.backbones().add(new BackboneRecord("toy", SHA, DIM, 224, "/m/toy.onnx", "{\"name\":\"toy\"}"));
        Random r = new Random(7);
        for (int s = 0; s < TILES.length; s++) {
            String fingerprint = "quickhash1:slide" + s;
            String patient = "TCGA-AA-000" + s;
            SlideRecord slide = new SlideRecord(Ids.slideId(fingerprint), fingerprint, "slide" + s, "/data/" + s + ".svs",
                    "aperio", 0.5, "file", Optional.of(20.0), 4000, 4000, 1, Optional.of(patient), Optional.of("TEST"), 1);
            String id = store.slides().register(slide).slide().slideId();
            patients.put(id, patient);
            List<Tile> tiles = new ArrayList<>();
            TreeMap<Integer, float[]> vectors = new TreeMap<>();
            for (int i = 0; i < TILES[s]; i++) {
                int index = i * 3 + s; // sparse indices, different per slide
                double tissue = 0.30 + 0.07 * ((i + s) % 10);
                tiles.add(new Tile(index, index % 40, index / 40, index % 40 * 448L, index / 40 * 448L, 448, 448, tissue));
                float[] v = new float[DIM];
                for (int j = 0; j < DIM; j++) {
                    v[j] = (float) (r.nextGaussian() * (j + 1) + s);
                }
                vectors.put(index, v);
            }
            store.tilings().save(new GridRecord(id, tiling, 40, 40, tiles.size(), 0.5, 0, Optional.empty()), tiles);
            FeatureKey key = new FeatureKey(id, tiling, SHA, "none");
            try (DuckDBConnection c = store.newConnection(); SetWriter w = store.embeddings().begin(c, allocator, key, DIM, 5)) {
                for (var e : vectors.entrySet()) {
                    w.add(e.getKey(), e.getValue(), 0);
                }
                w.commit(null, 0.1);
            }
            written.put(id, vectors);
        }
    }

    @AfterEach
    void close() {
        store.close();
        allocator.close(); // throws if the reader left any Arrow buffer unreleased
    }

    private FeatureMatrix tiles(Pooling pooling, double minTissue) throws FeatureSetException {
        return FeatureMatrices.read(store, FeatureSet.named("tiles", pooling),
                Map.of("backbone", "toy", "min_tissue", Double.toString(minTissue)), allocator, BATCH);
    }

    private double tissue(String slide, int tile) throws Exception {
        try (var s = store.connection().prepareStatement("SELECT tissue_fraction FROM tiles WHERE slide_id = ? AND tile_index = ?")) {
            s.setString(1, slide);
            s.setInt(2, tile);
            try (var r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getDouble(1);
            }
        }
    }

    /** Per slide (sorted), the vectors of tiles with tissue >= minTissue. */
    private Map<String, List<float[]>> kept(double minTissue) throws Exception {
        Map<String, List<float[]>> out = new TreeMap<>();
        for (var slide : written.entrySet()) {
            for (var tile : slide.getValue().entrySet()) {
                if (tissue(slide.getKey(), tile.getKey()) >= minTissue) {
                    out.computeIfAbsent(slide.getKey(), k -> new ArrayList<>()).add(tile.getValue());
                }
            }
        }
        return out;
    }

    private static double[] mean(List<float[]> vectors) {
        double[] m = new double[DIM];
        for (float[] v : vectors) {
            for (int j = 0; j < DIM; j++) {
                m[j] += v[j];
            }
        }
        for (int j = 0; j < DIM; j++) {
            m[j] /= vectors.size();
        }
        return m;
    }

    @Test
    void meanPoolingOfTilesEqualsTheDirectMeanAndTheSlideMeanView() throws Exception {
        FeatureMatrix pooled = tiles(Pooling.MEAN, 0.0);
        FeatureMatrix view = FeatureMatrices.read(store, FeatureSet.named("slide_mean", Pooling.NONE),
                Map.of("backbone", "toy"), allocator, BATCH);
        List<String> slides = new ArrayList<>(written.keySet());
        assertEquals(slides, pooled.slideIds(), "one row per slide, sorted by id");
        assertEquals(slides, view.slideIds());
        assertFalse(pooled.isTileLevel());
        assertEquals(DIM, pooled.cols());
        for (int i = 0; i < slides.size(); i++) {
            double[] expected = mean(new ArrayList<>(written.get(slides.get(i)).values()));
            assertArrayEquals(expected, pooled.row(i), 1e-9, "direct mean of " + slides.get(i));
            assertArrayEquals(view.row(i), pooled.row(i), 1e-6, "slide_embeddings_mean of " + slides.get(i));
            assertEquals(Optional.of(patients.get(slides.get(i))), pooled.patientId(i));
            assertEquals(Optional.of(patients.get(slides.get(i))), view.patientId(i));
        }
    }

    @Test
    void meanStdPoolingAppendsThePopulationStandardDeviation() throws Exception {
        FeatureMatrix pooled = tiles(Pooling.MEAN_STD, 0.0);
        assertEquals(2 * DIM, pooled.cols());
        for (int i = 0; i < pooled.rows(); i++) {
            List<float[]> vectors = new ArrayList<>(written.get(pooled.slideId(i)).values());
            double[] m = mean(vectors);
            double[] expected = new double[2 * DIM];
            for (int j = 0; j < DIM; j++) {
                double ss = 0;
                for (float[] v : vectors) {
                    ss += (v[j] - m[j]) * (v[j] - m[j]);
                }
                expected[j] = m[j];
                expected[DIM + j] = Math.sqrt(ss / vectors.size());
            }
            assertArrayEquals(expected, pooled.row(i), 1e-9, "slide " + pooled.slideId(i));
        }
        int single = pooled.slideIds().indexOf(written.entrySet().stream().filter(e -> e.getValue().size() == 1)
                .findFirst().orElseThrow().getKey());
        assertArrayEquals(new double[DIM], java.util.Arrays.copyOfRange(pooled.row(single), DIM, 2 * DIM), 0.0,
                "a one-tile slide has standard deviation 0");
    }

    @Test
    void maxPoolingIsTheElementwiseMaximum() throws Exception {
        FeatureMatrix pooled = tiles(Pooling.MAX, 0.0);
        for (int i = 0; i < pooled.rows(); i++) {
            double[] expected = new double[DIM];
            java.util.Arrays.fill(expected, Double.NEGATIVE_INFINITY);
            for (float[] v : written.get(pooled.slideId(i)).values()) {
                for (int j = 0; j < DIM; j++) {
                    expected[j] = Math.max(expected[j], v[j]);
                }
            }
            assertArrayEquals(expected, pooled.row(i), 0.0, "slide " + pooled.slideId(i));
        }
    }

    @Test
    void minTissuePoolsOnlyTheTilesAboveTheThreshold() throws Exception {
        FeatureMatrix pooled = tiles(Pooling.MEAN, 0.6);
        Map<String, List<float[]>> kept = kept(0.6);
        assertEquals(new ArrayList<>(kept.keySet()), pooled.slideIds(), "slides without a kept tile drop out");
        assertTrue(kept.values().stream().mapToInt(List::size).sum() < 23, "the threshold removes some tiles");
        for (int i = 0; i < pooled.rows(); i++) {
            assertArrayEquals(mean(kept.get(pooled.slideId(i))), pooled.row(i), 1e-9, "slide " + pooled.slideId(i));
        }
    }

    @Test
    void unpooledTilesKeepEveryRowWithItsTileIndexExactly() throws Exception {
        FeatureMatrix m = tiles(Pooling.NONE, 0.0);
        assertTrue(m.isTileLevel());
        assertEquals(23, m.rows());
        for (int i = 0; i < m.rows(); i++) {
            float[] v = written.get(m.slideId(i)).get(m.tileIndex(i));
            for (int j = 0; j < DIM; j++) {
                assertEquals(v[j], m.get(i, j), 0.0, "slide " + m.slideId(i) + " tile " + m.tileIndex(i));
            }
        }
        assertEquals(List.copyOf(new java.util.TreeSet<>(m.slideIds())).getFirst(), m.slideId(0), "query's ORDER BY kept");
    }

    @Test
    void vectorsOfDifferentLengthsAreAnErrorNamingTheSlide() {
        String last = ((TreeMap<String, ?>) written).lastKey();
        FeatureSet set = FeatureSet.inline("SELECT slide_id, tile_index, CASE WHEN slide_id = ${odd} THEN vector[1:3] "
                + "ELSE vector END AS vector FROM embeddings ORDER BY slide_id, tile_index", Pooling.MEAN);
        var e = assertThrows(FeatureSetException.class,
                () -> FeatureMatrices.read(store, set, Map.of("odd", last), allocator, BATCH));
        assertTrue(e.getMessage().contains(last) && e.getMessage().contains("3 values"), e.getMessage());
    }

    @Test
    void aSlideRepeatedInAnUnpooledSlideLevelQueryIsAnError() {
        FeatureSet set = FeatureSet.inline("SELECT slide_id, vector FROM embeddings", Pooling.NONE);
        var e = assertThrows(FeatureSetException.class, () -> FeatureMatrices.read(store, set, Map.of(), allocator, BATCH));
        assertTrue(e.getMessage().contains("appears more than once"), e.getMessage());
    }

    @Test
    void aQueryWithoutAVectorColumnNamesTheColumnsItReturned() {
        FeatureSet set = FeatureSet.inline("SELECT slide_id, n_tiles FROM slide_embeddings_mean", Pooling.NONE);
        var e = assertThrows(FeatureSetException.class, () -> FeatureMatrices.read(store, set, Map.of(), allocator, BATCH));
        assertTrue(e.getMessage().contains("vector") && e.getMessage().contains("n_tiles"), e.getMessage());
    }

    @Test
    void aFailingQueryIsAnErrorNamingTheFeatureSet() {
        FeatureSet set = FeatureSet.inline("SELECT slide_id, vector FROM no_such_table", Pooling.NONE);
        var e = assertThrows(FeatureSetException.class, () -> FeatureMatrices.read(store, set, Map.of(), allocator, BATCH));
        assertTrue(e.getMessage().contains("'inline'") && e.getMessage().contains("no_such_table"), e.getMessage());
    }
}
