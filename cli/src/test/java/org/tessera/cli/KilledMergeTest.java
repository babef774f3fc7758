package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.store.FeatureStore;
import org.tessera.store.SyntheticFragments;

/**
 * A real crash during a merge: `tessera store merge` runs in its own JVM and is killed with SIGKILL once some
 * of the fragments' sets are in place. Running the merge again must give the same store as a merge that
 * was never interrupted.
 */
class KilledMergeTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledMergeRunAgainEqualsAnUninterruptedOne() throws Exception {
        SyntheticFragments toy = new SyntheticFragments(SyntheticFragments.backbone("toy", 32, "v1"), 40);
        List<String> fragments = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            int base = f * 60;
            Path dir = tmp.resolve("frag-" + f);
            toy.write(dir, IntStream.range(base, base + 60).mapToObj(i -> "slide" + i).toList());
            fragments.add(dir.toString());
        }
        Path reference = tmp.resolve("reference");
        assertEquals(0, merge(reference, fragments).code());

        Path killed = tmp.resolve("killed");
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", "\"" + System.getProperty("java.class.path") + "\"", Main.class.getName(),
                "store", "merge"));
        args.addAll(fragments);
        args.addAll(List.of("--into", killed.toString()));
        Path argfile = Files.write(tmp.resolve("child.args"), args);
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "@" + argfile).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        int placed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (placed < 20 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
            placed = setFolders(killed);
        }
        assertTrue(p.isAlive(), "the merge finished before it could be killed:\n" + Files.readString(tmp.resolve("child.log")));
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        int recorded;
        try (FeatureStore s = FeatureStore.openReadOnly(killed); Statement st = s.connection().createStatement();
                ResultSet r = st.executeQuery("SELECT count(*) FROM embedding_sets")) {
            r.next();
            recorded = r.getInt(1);
        }
        assertTrue(recorded >= 1 && recorded < 180, "killed mid-merge: " + recorded + " of 180 sets recorded");

        Cli again = merge(killed, fragments);
        assertEquals(0, again.code(), again.toString());
        assertEquals(snapshot(reference), snapshot(killed), "the same store as an uninterrupted merge");
        assertEquals(0, Cli.run("store", "verify", "--store", killed.toString()).code());
    }

    private static Cli merge(Path into, List<String> fragments) {
        List<String> args = new ArrayList<>(List.of("store", "merge"));
        args.addAll(fragments);
        args.addAll(List.of("--into", into.toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    private static int setFolders(Path store) throws Exception {
        if (!Files.isDirectory(store.resolve("embeddings"))) {
            return 0;
        }
        try {
            return KilledExtractionTest.setFolders(store);
        } catch (java.io.UncheckedIOException e) {
            return 0; // a folder moved while it was walked
        }
    }

    /** The merged content, without what differs between two stores by nature (the merge's own time, paths of the stores). */
    private static List<String> snapshot(Path dir) throws Exception {
        List<String> out = new ArrayList<>();
        try (FeatureStore s = FeatureStore.openReadOnly(dir); Statement st = s.connection().createStatement()) {
            for (String q : List.of("SELECT * FROM slides", "SELECT * FROM tile_grids", "SELECT count(*), sum(x + y) FROM tiles",
                    "SELECT backbone, weights_sha256 FROM backbones", "SELECT * FROM embedding_sets", "SELECT * FROM extraction_runs",
                    "SELECT run_id, origin_store, origin_run_id FROM run_origins", "SELECT store_id FROM merged_fragments",
                    "SELECT count(*), sum(list_sum(vector)) FROM embeddings", "SELECT count(*) FROM read_parquet('embeddings/**/*.parquet')")) {
                try (ResultSet r = st.executeQuery(q + " ORDER BY ALL")) {
                    int cols = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder b = new StringBuilder(q);
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
}
