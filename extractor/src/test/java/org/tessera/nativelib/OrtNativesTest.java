package org.tessera.nativelib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.OrtBuild;

class OrtNativesTest {
    @TempDir
    Path tmp;

    /** A fake class path holding an ONNX Runtime artifact's pom.xml and the given libraries. */
    private ClassLoader fakeJar(String artifactId, String version, List<String> libs) throws Exception {
        Path pom = tmp.resolve("META-INF/maven/com.microsoft.onnxruntime/" + artifactId + "/pom.xml");
        Files.createDirectories(pom.getParent());
        Files.writeString(pom, "<project>\n  <modelVersion>4.0.0</modelVersion>\n  <groupId>com.microsoft.onnxruntime</groupId>\n"
                + "  <artifactId>" + artifactId + "</artifactId>\n  <version>" + version + "</version>\n</project>\n");
        Path natives = Files.createDirectories(tmp.resolve(OrtNatives.RESOURCE_DIR));
        for (String lib : libs) {
            Files.write(natives.resolve(lib), new byte[lib.length() * 100]);
        }
        return new URLClassLoader(new URL[] {tmp.toUri().toURL()}, null);
    }

    @Test
    void theGpuArtifactGivesAGpuBundleWithItsProviderLibraries() throws Exception {
        ClassLoader loader = fakeJar("onnxruntime_gpu", "9.8.7", List.of("libonnxruntime.so", "libonnxruntime4j_jni.so",
                "libonnxruntime_providers_shared.so", OrtNatives.CUDA_PROVIDER));
        NativeBundle b = OrtNatives.bundle(loader).orElseThrow();
        assertEquals("onnxruntime-9.8.7-gpu", b.name());
        assertEquals(List.of("libonnxruntime.so", "libonnxruntime4j_jni.so", "libonnxruntime_providers_shared.so", OrtNatives.CUDA_PROVIDER),
                b.files().stream().map(NativeBundle.File::fileName).toList());
        assertEquals(OrtNatives.CUDA_PROVIDER.length() * 100L, b.files().get(3).size());
    }

    @Test
    void theCpuArtifactGivesACpuBundle() throws Exception {
        ClassLoader loader = fakeJar("onnxruntime", "1.2.3", List.of("libonnxruntime.so", "libonnxruntime4j_jni.so"));
        assertEquals("onnxruntime-1.2.3-cpu", OrtNatives.bundle(loader).orElseThrow().name());
    }

    @Test
    void withoutTheJniLibraryThereIsNoBundle() throws Exception {
        ClassLoader loader = fakeJar("onnxruntime", "1.2.3", List.of("libonnxruntime.so"));
        assertEquals(Optional.empty(), OrtNatives.bundle(loader));
    }

    @Test
    void onnxRuntimeLoadsFromTheCacheFolder() throws Exception {
        OrtBuild build = OrtBuild.probe();
        // The test class path holds the CPU build unless the tests run with -Pgpu.
        NativeBundle expected = OrtNatives.bundle(OrtNatives.class.getClassLoader()).orElseThrow();
        assertTrue(expected.name().startsWith("onnxruntime-" + build.version() + "-"), expected.name() + " vs " + build);
        Path dir = build.nativeDir().orElseThrow();
        assertEquals(dir.toString(), System.getProperty(OrtNatives.PROPERTY));
        if (dir.getFileName().toString().equals(expected.name())) {
            for (NativeBundle.File f : expected.files()) {
                assertEquals(f.size(), Files.size(dir.resolve(f.fileName())), f.fileName());
            }
        }
    }
}
