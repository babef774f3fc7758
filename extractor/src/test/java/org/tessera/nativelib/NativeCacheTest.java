package org.tessera.nativelib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeCacheTest {
    @TempDir
    Path tmp;

    private NativeBundle bundle(String name, Map<String, byte[]> contents) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + name));
        List<NativeBundle.File> files = new ArrayList<>();
        for (var e : contents.entrySet()) {
            Path f = Files.write(src.resolve(e.getKey()), e.getValue());
            files.add(new NativeBundle.File(e.getKey(), e.getValue().length, f.toUri().toURL()));
        }
        return new NativeBundle(name, files);
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    private List<Path> leftovers(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> p.getFileName().toString().contains(".part-")).toList();
        }
    }

    @Test
    void unpacksOnceThenReusesTheFolderWithoutReadingTheSources() throws Exception {
        NativeBundle b = bundle("ort-1-cpu", Map.of("liba.so", bytes(70_000, 1), "libb.so", bytes(10, 2)));
        NativeCache cache = new NativeCache(tmp.resolve("cache"));
        NativeCache.Unpacked first = cache.unpack(b);
        assertTrue(first.fresh());
        assertEquals(tmp.resolve("cache/ort-1-cpu"), first.dir());
        assertArrayEquals(bytes(70_000, 1), Files.readAllBytes(first.dir().resolve("liba.so")));
        assertArrayEquals(bytes(10, 2), Files.readAllBytes(first.dir().resolve("libb.so")));
        assertTrue(Files.isExecutable(first.dir().resolve("liba.so")));
        // The sources are gone: a second start must not need them.
        try (Stream<Path> s = Files.list(tmp.resolve("src-ort-1-cpu"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        NativeCache.Unpacked second = cache.unpack(b);
        assertFalse(second.fresh());
        assertEquals(first.dir(), second.dir());
        assertTrue(leftovers(tmp.resolve("cache")).isEmpty());
    }

    @Test
    void aTruncatedCachedFileIsReplaced() throws Exception {
        NativeBundle b = bundle("ort-1-gpu", Map.of("liba.so", bytes(5_000, 3)));
        NativeCache cache = new NativeCache(tmp.resolve("cache"));
        Path dir = cache.unpack(b).dir();
        Files.write(dir.resolve("liba.so"), bytes(100, 3));
        assertFalse(cache.complete(b));
        NativeCache.Unpacked again = cache.unpack(b);
        assertTrue(again.fresh());
        assertArrayEquals(bytes(5_000, 3), Files.readAllBytes(dir.resolve("liba.so")));
        assertTrue(leftovers(tmp.resolve("cache")).isEmpty());
    }

    @Test
    void buildsAndVersionsKeepSeparateFolders() throws Exception {
        NativeCache cache = new NativeCache(tmp.resolve("cache"));
        Path cpu = cache.unpack(bundle("onnxruntime-1.29.0-cpu", Map.of("liba.so", bytes(10, 1)))).dir();
        Path gpu = cache.unpack(bundle("onnxruntime-1.29.0-gpu", Map.of("liba.so", bytes(20, 1)))).dir();
        assertEquals(10, Files.size(cpu.resolve("liba.so")));
        assertEquals(20, Files.size(gpu.resolve("liba.so")));
    }

    @Test
    void processesStartingAtOnceShareOneCompleteFolder() throws Exception {
        NativeBundle b = bundle("race", Map.of("liba.so", bytes(2_000_000, 5), "libb.so", bytes(300_000, 6)));
        NativeCache cache = new NativeCache(tmp.resolve("cache"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<NativeCache.Unpacked>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> cache.unpack(b)));
            }
            int fresh = 0;
            for (Future<NativeCache.Unpacked> r : runs) {
                NativeCache.Unpacked u = r.get();
                assertEquals(cache.dir(b), u.dir());
                fresh += u.fresh() ? 1 : 0;
            }
            assertEquals(1, fresh, "exactly one run put the folder in place");
        } finally {
            pool.shutdown();
        }
        assertTrue(cache.complete(b));
        assertArrayEquals(bytes(2_000_000, 5), Files.readAllBytes(cache.dir(b).resolve("liba.so")));
        assertTrue(leftovers(tmp.resolve("cache")).isEmpty());
    }

    @Test
    void anUnwritableCacheFolderIsAnErrorNamingIt() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("file"), "x");
        NativeBundle b = bundle("x", Map.of("liba.so", bytes(10, 1)));
        IOException e = assertThrows(IOException.class, () -> new NativeCache(notADir.resolve("cache")).unpack(b));
        assertTrue(e.getMessage().contains(notADir.resolve("cache").toString()), e.getMessage());
    }

    @Test
    void aMissingSourceIsAnErrorNamingTheFileAndLeavesNoFolder() throws Exception {
        NativeBundle b = new NativeBundle("broken", List.of(
                new NativeBundle.File("libgone.so", 10, tmp.resolve("gone.so").toUri().toURL())));
        NativeCache cache = new NativeCache(tmp.resolve("cache"));
        IOException e = assertThrows(IOException.class, () -> cache.unpack(b));
        assertTrue(e.getMessage().contains("libgone.so"), e.getMessage());
        assertFalse(Files.exists(cache.dir(b)));
        assertTrue(leftovers(tmp.resolve("cache")).isEmpty());
    }

    @Test
    void theCacheFolderIsThePropertyThenTesseraCacheThenXdgThenHome() {
        assertEquals(Path.of("/p"), NativeCache.standard(Map.of("TESSERA_CACHE", "/t", "XDG_CACHE_HOME", "/x"), "/p", "/h").root());
        assertEquals(Path.of("/t"), NativeCache.standard(Map.of("TESSERA_CACHE", "/t", "XDG_CACHE_HOME", "/x"), null, "/h").root());
        assertEquals(Path.of("/x/tessera"), NativeCache.standard(Map.of("XDG_CACHE_HOME", "/x"), null, "/h").root());
        assertEquals(Path.of("/h/.cache/tessera"), NativeCache.standard(Map.of(), null, "/h").root());
    }

    @Test
    void bundleNamesMustBePlainFolderNames() {
        assertThrows(IllegalArgumentException.class, () -> new NativeBundle("../x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new NativeBundle(".hidden", List.of()));
    }
}
