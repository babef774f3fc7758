package org.tessera.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second process that wants to write a store is refused by name; the lock dies with its holder. */
class StoreLockTest {
    @TempDir
    Path tmp;

    /** Child process: opens the store for writing (or, with a second argument "read", reading), says so, and holds it until its stdin closes. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (FeatureStore store = args.length > 1 && args[1].equals("read") ? FeatureStore.openReadOnly(dir) : FeatureStore.open(dir)) {
            System.out.println("open " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold
            }
        }
    }

    private Process holder(Path store, String... mode) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED",
                "-cp", "\"" + System.getProperty("java.class.path") + "\"", StoreLockTest.class.getName(), store.toString()));
        args.addAll(List.of(mode));
        Path argfile = Files.write(tmp.resolve("child.args"), args);
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "@" + argfile)
                .redirectError(tmp.resolve("child.err").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("open "), "child did not open the store: " + line + " " + Files.readString(tmp.resolve("child.err")));
        return p;
    }

    @Test
    void aSecondWriterIsRefusedWithTheFirstNamedAndTheLockDiesWithItsProcess() throws Exception {
        Path store = tmp.resolve("store");
        try (FeatureStore s = FeatureStore.open(store)) {
            try (FeatureStore again = FeatureStore.open(store)) {
                assertEquals(s.root(), again.root(), "within one process the lock is shared");
            }
        }
        Process p = holder(store);
        try {
            StoreException e = assertThrows(StoreException.class, () -> FeatureStore.open(store));
            assertTrue(e.getMessage().contains("being written by another process (pid " + p.pid()), e.getMessage());
            assertTrue(e.getMessage().contains("wait until it has finished"), e.getMessage());
        } finally {
            p.destroyForcibly(); // SIGKILL: the holder cannot release anything itself
            p.waitFor(30, TimeUnit.SECONDS);
        }
        try (FeatureStore s = FeatureStore.open(store)) {
            assertTrue(Files.isRegularFile(s.resolve(StoreLock.FILE)));
        }
    }

    /**
     * A reader in another process holds DuckDB's lock on the catalogue while it is open: a writer starting meanwhile
     * waits for it to let go instead of failing (found as a flaky failure of ReaderDuringExtractionTest, whose
     * extraction child started while the test's reader had the catalogue open).
     */
    @Test
    void aWriterWaitsForAReaderInAnotherProcessToLetGo() throws Exception {
        Path store = tmp.resolve("store");
        FeatureStore.open(store).close();
        Process reader = holder(store, "read");
        Thread release = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(1500);
                reader.getOutputStream().close(); // the reader closes the store and exits
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        try (FeatureStore s = FeatureStore.open(store)) {
            double waited = (System.nanoTime() - start) / 1e9;
            assertTrue(waited >= 1.0, "the writer opened while the reader still held the catalogue? " + waited + " s");
            assertTrue(s.connection().isValid(1));
        } finally {
            release.join();
            reader.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
