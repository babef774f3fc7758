package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;

/**
 * A real crash: `tessera extract` runs in its own JVM and is killed with SIGKILL as soon as its first
 * slide is committed. Resuming must give the same store as a run that was never interrupted.
 */
class KilledExtractionTest {
    private static final String BACKBONE = "mobilenet_v2_imagenet";

    @TempDir
    Path tmp;

    /** A store with MobileNetV2 and three demo slides (CMU-1-Small-Region, HER2ST C6 and B4). */
    static void prepare(Path store) {
        assertEquals(0, Cli.run("backbone", "add", BACKBONE, "--store", store.toString(), "--models",
                Shared.path("models").toString()).code());
        assertEquals(0, Cli.run("slides", "add", "--store", store.toString(), Shared.path("slides/CMU-1-Small-Region.svs").toString(),
                Shared.path("her2st/images/C6.jpg").toString(), Shared.path("her2st/images/B4.jpg").toString(), "--mpp", "0.69").code());
    }

    private static String[] extract(Path store) {
        return new String[] {"extract", "--store", store.toString(), "--backbone", BACKBONE, "--no-previews"};
    }

    @Test
    void aKilledRunResumesWithoutLossOrDuplicates() throws Exception {
        Path reference = tmp.resolve("reference");
        prepare(reference);
        assertEquals(0, Cli.run(extract(reference)).code());

        Path killed = tmp.resolve("killed");
        prepare(killed);
        Process p = ChildCli.start(tmp, "child", extract(killed));
        int committed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (committed == 0 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            committed = setFolders(killed);
        }
        // A folder appears at the rename; the catalogue row (the commit) follows within milliseconds. Give it
        // that time so that one slide is really finished when the kill comes (a kill inside that window is
        // covered by FeatureStoreTest's recovery test: the unrecorded folder is removed and redone).
        Thread.sleep(250);
        assertTrue(p.isAlive(), "the child finished (exit " + (p.isAlive() ? "-" : p.exitValue()) + ") before it could be killed:\n" + Files.readString(ChildCli.log(tmp, "child")));
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        p.waitFor();
        int recorded;
        try (FeatureStore store = FeatureStore.openReadOnly(killed); Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM embedding_sets")) {
            r.next();
            recorded = r.getInt(1); // read-only open: no recovery has run yet
        }
        assertTrue(recorded >= 1 && recorded < 3, "killed mid-run: " + recorded + " of 3 slides finished");

        Cli resumed = Cli.run(extract(killed));
        assertEquals(0, resumed.code(), resumed.toString());
        assertTrue(resumed.out().contains(recorded + " already in the store"), "finished slides are not redone: " + resumed.out());

        Map<String, float[]> expected = StoreVectors.of(reference);
        Map<String, float[]> actual = StoreVectors.of(killed);
        assertEquals(expected.keySet(), actual.keySet(), "same tiles, none lost, none twice");
        for (var e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), actual.get(e.getKey()), 1e-5f, e.getKey());
        }
        try (FeatureStore store = FeatureStore.openReadOnly(killed); Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM read_parquet('embeddings/**/*.parquet')")) {
            r.next();
            assertEquals(actual.size(), r.getLong(1), "no stray rows left on disk by the killed run");
        }
        assertFalse(Files.exists(killed.resolve(".staging")) && Files.list(killed.resolve(".staging")).findAny().isPresent(),
                "staging cleaned");
    }

    /** Embedding folders moved into place (each is one committed or about-to-be-recorded slide). */
    static int setFolders(Path store) throws Exception {
        Path root = store.resolve("embeddings");
        try (Stream<Path> walk = Files.walk(root, 4)) {
            return (int) walk.filter(p -> root.relativize(p).getNameCount() == 4 && Files.isDirectory(p)).count();
        }
    }
}
