package org.tessera.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging fragments written by the store's own writers (synthetic slides and vectors, no model). */
class StoreMergeTest {
    private static final BackboneRecord TOY = SyntheticFragments.backbone("toy", 16, "v1");

    @TempDir
    Path tmp;

    private static List<String> names(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** Every row of the tables a merge writes, as text, in a fixed order (timestamps of the merge itself excluded). */
    static List<String> snapshot(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (FeatureStore s = FeatureStore.openReadOnly(dir); Statement st = s.connection().createStatement()) {
            for (String q : List.of("SELECT * FROM slides", "SELECT * FROM patients", "SELECT * FROM cohorts", "SELECT * FROM tilings",
                    "SELECT * FROM tile_grids", "SELECT * FROM tiles", "SELECT backbone, weights_sha256, dimension FROM backbones",
                    "SELECT * FROM embedding_sets", "SELECT * FROM extraction_runs", "SELECT * FROM run_origins",
                    "SELECT store_id, path FROM merged_fragments", "SELECT slide_id, backbone, tile_index, vector FROM embeddings")) {
                try (ResultSet r = st.executeQuery(q + " ORDER BY ALL")) {
                    int cols = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder b = new StringBuilder(q.substring(q.indexOf("FROM")));
                        for (int i = 1; i <= cols; i++) {
                            b.append('|').append(r.getString(i));
                        }
                        out.add(b.toString());
                    }
                }
            }
        }
        return out;
    }

    private static long count(FeatureStore s, String sql) throws SQLException {
        try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void twoFragmentsMergeIntoTheirUnionWithRunsRenumberedAndAgainIntoNothingNew() throws Exception {
        SyntheticFragments toy = new SyntheticFragments(TOY, 30);
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path union = tmp.resolve("union");
        toy.write(a, names("a", 4));
        toy.write(b, names("b", 3));
        toy.write(union, names("a", 4));
        toy.write(union, names("b", 3)); // one store written directly: what the merge must equal

        Path main = tmp.resolve("main");
        try (FeatureStore m = FeatureStore.open(main)) {
            toy.write(main, List.of()); // the main store has a run of its own: fragment run ids must move
            StoreMerge merge = new StoreMerge(m);
            StoreMerge.Result ra = merge.merge(a);
            StoreMerge.Result rb = merge.merge(b);
            assertEquals(4, ra.setsAdded());
            assertEquals(3, rb.setsAdded());
            assertEquals(1, ra.runsAdded());
            assertEquals(7 * 30, count(m, "SELECT count(*) FROM embeddings"));
            assertEquals(7 * 30, count(m, "SELECT count(*) FROM tiles"));
            assertEquals(0, count(m, "SELECT count(*) FROM embedding_sets AS e LEFT JOIN extraction_runs USING (run_id) "
                    + "WHERE extraction_runs.run_id IS NULL"), "every set points at a run of the main store");
            assertEquals(3, count(m, "SELECT count(DISTINCT run_id) FROM extraction_runs"), "its own run and one per fragment");
            assertEquals(2, count(m, "SELECT count(*) FROM run_origins"));
        }
        assertEquals(vectorsOf(union), vectorsOf(main), "vectors as written directly, bit for bit");

        List<String> before = snapshot(main);
        try (FeatureStore m = FeatureStore.open(main)) {
            StoreMerge.Result again = new StoreMerge(m).merge(a);
            assertEquals(0, again.setsAdded());
            assertEquals(4, again.setsPresent());
            assertEquals(0, again.runsAdded());
        }
        assertEquals(before, snapshot(main), "merging twice changes nothing");
        try (FeatureStore m = FeatureStore.openReadOnly(main)) {
            assertTrue(new StoreVerify(m).run().ok());
        }
    }

    private static List<String> vectorsOf(Path dir) throws Exception {
        return snapshot(dir).stream().filter(l -> l.startsWith("FROM embeddings")).toList();
    }

    @Test
    void theSameKeyWithOtherContentIsRefusedNamingBothStoresAndNothingIsWritten() throws Exception {
        Path a = tmp.resolve("frag-a");
        Path b = tmp.resolve("frag-b");
        new SyntheticFragments(TOY, 30).write(a, List.of("x", "y"));
        new SyntheticFragments(TOY, 20).write(b, List.of("y", "z")); // y again, with another grid
        Path main = tmp.resolve("main");
        try (FeatureStore m = FeatureStore.open(main)) {
            StoreMerge merge = new StoreMerge(m);
            merge.merge(a);
            StoreException e = assertThrows(StoreException.class, () -> merge.merge(b));
            assertTrue(e.getMessage().contains(b.toString()) && e.getMessage().contains(a.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("n_tiles 30 / 20"), e.getMessage());
            assertEquals(2, count(m, "SELECT count(*) FROM embedding_sets"), "z was not merged either");
            assertEquals(2, count(m, "SELECT count(*) FROM slides"));
        }
    }

    @Test
    void anotherVersionOfABackboneMergesAsASeparateBackbone() throws Exception {
        BackboneRecord toy2 = SyntheticFragments.backbone("toy", 16, "v2");
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        new SyntheticFragments(TOY, 10).write(a, List.of("x"));
        new SyntheticFragments(toy2, 10).write(b, List.of("x"));
        Path main = tmp.resolve("main");
        try (FeatureStore m = FeatureStore.open(main)) {
            StoreMerge merge = new StoreMerge(m);
            merge.merge(a);
            StoreMerge.Result r = merge.merge(b);
            String renamed = "toy@" + toy2.weightsSha256().substring(0, 12);
            assertEquals(List.of("toy -> " + renamed), r.renamedBackbones());
            assertEquals(1, r.setsAdded());
            assertEquals(TOY.weightsSha256(), m.backbones().byName("toy").orElseThrow().weightsSha256());
            assertEquals(toy2.weightsSha256(), m.backbones().byName(renamed).orElseThrow().weightsSha256());
            assertEquals(10, count(m, "SELECT count(*) FROM embeddings WHERE backbone = 'toy'"));
            assertEquals(10, count(m, "SELECT count(*) FROM embeddings WHERE backbone = '" + renamed + "'"));
            assertEquals(0, new StoreMerge(m).merge(b).setsAdded(), "and again: nothing new");
            assertEquals(2, count(m, "SELECT count(*) FROM backbones"));
        }
    }

    @Test
    void rowsThatAreNotAboutExtractionAreRefusedNotDropped() throws Exception {
        Path a = tmp.resolve("a");
        new SyntheticFragments(TOY, 10).write(a, List.of("x"));
        try (FeatureStore f = FeatureStore.open(a); Statement s = f.connection().createStatement()) {
            s.execute("INSERT INTO st_genes VALUES ('S1', 'ERBB2', 7)");
        }
        try (FeatureStore m = FeatureStore.open(tmp.resolve("main"))) {
            StoreException e = assertThrows(StoreException.class, () -> new StoreMerge(m).merge(a));
            assertTrue(e.getMessage().contains("st_genes (1 rows)"), e.getMessage());
            assertEquals(0, count(m, "SELECT count(*) FROM embedding_sets"));
        }
    }

    @Test
    void previewPicturesComeAlongWithTheirGrids() throws Exception {
        Path a = tmp.resolve("a");
        new SyntheticFragments(TOY, 10).write(a, List.of("x"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        try (FeatureStore f = FeatureStore.open(a); Statement s = f.connection().createStatement()) {
            java.nio.file.Files.write(f.previewsDir().resolve("x.png"), png);
            s.execute("UPDATE tile_grids SET preview_path = 'previews/x.png'");
        }
        Path main = tmp.resolve("main");
        try (FeatureStore m = FeatureStore.open(main)) {
            new StoreMerge(m).merge(a);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(png, java.nio.file.Files.readAllBytes(main.resolve("previews/x.png")));
    }
}
