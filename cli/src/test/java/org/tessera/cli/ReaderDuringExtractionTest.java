package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.store.FeatureStore;
import org.tessera.store.StoreException;
import org.tessera.testkit.Shared;

/**
 * A reader while an extraction runs in another process. The catalogue is one DuckDB file that its writer holds
 * locked: a read-only open from another process is refused while the writer runs (DuckDB's file lock), and must
 * be refused with an error naming the store, not hang or see half a commit. The embeddings are immutable
 * Parquet folders moved into place by one rename each, so a reader of the Parquet files (plain DuckDB, as the
 * README shows) sees at every moment whole slides only: each slide it sees has all its tiles, and slides only
 * appear, never shrink or vanish.
 */
class ReaderDuringExtractionTest {
    @TempDir
    Path tmp;

    @Test
    void aReaderSeesWholeSlidesOnlyAndACatalogueOpenIsRefusedClearly() throws Exception {
        Path reference = tmp.resolve("reference");
        Path store = tmp.resolve("store");
        for (Path s : List.of(reference, store)) {
            assertEquals(0, Cli.run("slides", "add", "--store", s.toString(), "--mpp", "0.5", Shared.path("slides/CMU-1-Small-Region.svs").toString(),
                    Shared.path("slides/TCGA-CR-7395-01A-01-TS1.svs").toString(), Shared.path("her2st/images/C6.jpg").toString()).code());
        }
        String[] extract = {"extract", "--backbone", "colour_baseline", "--no-previews", "--store"};
        assertEquals(0, Cli.run(with(extract, reference)).code());
        Map<String, Long> complete = tilesPerSlideFolder(reference);
        assertEquals(3, complete.size(), "three slides: " + complete);

        Process writer = ChildCli.start(tmp, "writer", with(extract, store));
        List<Map<String, Long>> seen = new ArrayList<>();
        List<String> catalogueOpens = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (writer.isAlive() && System.nanoTime() < deadline) {
            if (Files.isDirectory(store.resolve("embeddings"))) {
                seen.add(tilesPerSlideFolder(store));
            }
            try (FeatureStore s = FeatureStore.openReadOnly(store)) {
                catalogueOpens.add("opened");
            } catch (StoreException e) {
                assertTrue(e.getMessage().contains(store.toString()), "a refused open names the store: " + e.getMessage());
                catalogueOpens.add("refused: " + e.getMessage().lines().findFirst().orElse(""));
            }
            Thread.sleep(100);
        }
        assertEquals(0, writer.waitFor(), Files.readString(ChildCli.log(tmp, "writer")));
        seen.add(tilesPerSlideFolder(store));
        assertEquals(complete.size(), seen.get(seen.size() - 1).size());
        for (int i = 0; i < seen.size(); i++) {
            for (var e : seen.get(i).entrySet()) {
                assertEquals(complete.get(e.getKey()), e.getValue(), "read " + i + ": slide folder " + e.getKey() + " seen with part of its tiles");
            }
            if (i > 0) {
                assertTrue(seen.get(i).keySet().containsAll(seen.get(i - 1).keySet()), "slides only appear: " + seen.get(i - 1) + " then " + seen.get(i));
            }
        }
        System.out.println("reads of the Parquet files during extraction: " + seen.size() + ", slides seen: "
                + seen.stream().map(Map::size).toList() + "\nread-only catalogue opens: " + catalogueOpens.stream().distinct().toList());
        assertTrue(seen.stream().map(Map::size).distinct().count() >= 2, "the reads saw the extraction progress: " + seen);
    }

    private static String[] with(String[] args, Path store) {
        String[] a = java.util.Arrays.copyOf(args, args.length + 1);
        a[args.length] = store.toString();
        return a;
    }

    /** Tiles per slide folder in the store's Parquet files, read with an in-memory DuckDB as any outside reader would. */
    private static Map<String, Long> tilesPerSlideFolder(Path store) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT parse_dirpath(filename) AS folder, count(*) FROM read_parquet('"
                        + store.resolve("embeddings") + "/**/*.parquet', filename = true) GROUP BY ALL")) {
            while (r.next()) {
                out.put(store.relativize(Path.of(r.getString(1))).toString(), r.getLong(2));
            }
        } catch (java.sql.SQLException e) {
            if (!e.getMessage().contains("No files found")) {
                throw e;
            }
        }
        return out;
    }
}
