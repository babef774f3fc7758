package org.tessera.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreVerifyTest {
    @TempDir
    Path tmp;

    @Test
    void missingFoldersWrongCountsAndOrphansAreEachReported() throws Exception {
        Path dir = tmp.resolve("s");
        new SyntheticFragments(SyntheticFragments.backbone("toy", 8, "v1"), 12).write(dir, List.of("a", "b", "c", "d"));
        List<String> paths = new ArrayList<>();
        try (FeatureStore s = FeatureStore.openReadOnly(dir)) {
            StoreVerify.Report clean = new StoreVerify(s).run();
            assertTrue(clean.ok(), clean.problems().toString());
            assertEquals(4, clean.sets());
            assertEquals(48, clean.rows());
            try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery("SELECT path FROM embedding_sets ORDER BY 1")) {
                while (r.next()) {
                    paths.add(r.getString(1));
                }
            }
        }
        Directories.deleteTree(dir.resolve(paths.get(0)));                       // missing
        try (FeatureStore s = FeatureStore.open(dir); Statement st = s.connection().createStatement()) {
            st.execute("UPDATE embedding_sets SET n_tiles = 13 WHERE path = '" + paths.get(1) + "'"); // count
            st.execute("DELETE FROM tiles WHERE tile_index = 0 AND slide_id = (SELECT min(slide_id) FROM tiles)"); // grid
        }
        Path orphan = dir.resolve(paths.get(2)).resolveSibling("s0123456789abcde");
        Files.createDirectories(orphan);                                          // orphan (after the last recovery)
        Files.copy(dir.resolve(paths.get(2)).resolve("part-00000.parquet"), orphan.resolve("part-00000.parquet"));
        Files.writeString(dir.resolve(paths.get(3)).resolve("part-00000.parquet"), "not parquet"); // unreadable
        try (FeatureStore s = FeatureStore.openReadOnly(dir)) {
            StoreVerify.Report r = new StoreVerify(s).run();
            List<String> kinds = r.problems().stream().map(p -> p.kind() + " " + p.path()).toList();
            assertEquals(List.of("count " + paths.get(1), "grid " + r.problems().get(1).path(), "missing " + paths.get(0),
                    "orphan " + s.relativize(orphan), "unreadable " + paths.get(3) + "/part-00000.parquet"), kinds);
            assertTrue(r.problems().get(0).detail().contains("recorded 13 tiles, the files hold 12 rows"), r.problems().get(0).detail());
        }
    }
}
