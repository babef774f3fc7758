package org.tessera.nativelib;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ONNX Runtime's native libraries on the class path, unpacked once into the {@link NativeCache} and handed to ONNX
 * Runtime through its {@value #PROPERTY} system property.
 *
 * <p>Without it, ONNX Runtime's Java loader copies its libraries out of the jar into a new temporary folder at
 * every start: 28 MB for the CPU build, over 600 MB for the GPU build (its CUDA provider alone is 583 MB). With
 * {@value #PROPERTY} set to a folder holding {@code libonnxruntime.so} and {@code libonnxruntime4j_jni.so}, it
 * loads those, and (since 1.29) looks for the provider libraries there before extracting anything.
 *
 * <p>The bundle is named {@code onnxruntime-<version>-<cpu|gpu>} after the ONNX Runtime artifact found on the class
 * path, so the CPU and GPU jars keep separate folders.
 */
public final class OrtNatives {

    /** ONNX Runtime's system property: a folder holding all its native libraries. */
    public static final String PROPERTY = "onnxruntime.native.path";
    /** Where the ONNX Runtime jars keep their linux-x64 libraries. */
    static final String RESOURCE_DIR = "ai/onnxruntime/native/linux-x64/";
    /** The libraries a build may ship; the first two are in every build. */
    static final List<String> LIBRARIES = List.of("libonnxruntime.so", "libonnxruntime4j_jni.so",
            "libonnxruntime_providers_shared.so", "libonnxruntime_providers_cuda.so", "libonnxruntime_providers_tensorrt.so");
    /** The CUDA execution provider's library: present only in the GPU build. */
    public static final String CUDA_PROVIDER = "libonnxruntime_providers_cuda.so";

    private static final Pattern ARTIFACT = Pattern.compile("<artifactId>(onnxruntime(?:_gpu)?)</artifactId>\\s*<version>([^<]+)</version>");
    private static volatile Optional<Path> installed;

    private OrtNatives() {
    }

    /** Which ONNX Runtime artifact is on the class path: {@code onnxruntime} or {@code onnxruntime_gpu}, and its version. */
    public record Artifact(String artifactId, String version) {
        public Artifact {
            if (artifactId == null || version == null || version.isBlank()) {
                throw new IllegalArgumentException("artifact and version must be given");
            }
        }

        /** {@code gpu} for onnxruntime_gpu, else {@code cpu}. */
        public String build() {
            return artifactId.endsWith("_gpu") ? "gpu" : "cpu";
        }
    }

    /** The ONNX Runtime artifact on the class path, read from the pom.xml it ships in META-INF/maven. */
    public static Optional<Artifact> artifact(ClassLoader loader) {
        for (String id : List.of("onnxruntime_gpu", "onnxruntime")) {
            URL pom = loader.getResource("META-INF/maven/com.microsoft.onnxruntime/" + id + "/pom.xml");
            if (pom == null) {
                continue;
            }
            try (InputStream in = pom.openStream()) {
                Matcher m = ARTIFACT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                if (m.find()) {
                    return Optional.of(new Artifact(m.group(1), m.group(2).trim()));
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The linux-x64 ONNX Runtime libraries on the class path as a bundle, when there are any. */
    public static Optional<NativeBundle> bundle(ClassLoader loader) throws IOException {
        Optional<Artifact> artifact = artifact(loader);
        if (artifact.isEmpty()) {
            return Optional.empty();
        }
        List<NativeBundle.File> files = new ArrayList<>();
        for (String lib : LIBRARIES) {
            URL url = loader.getResource(RESOURCE_DIR + lib);
            if (url != null) {
                files.add(new NativeBundle.File(lib, size(url), url));
            }
        }
        if (files.size() < 2 || !files.get(0).fileName().equals(LIBRARIES.get(0)) || !files.get(1).fileName().equals(LIBRARIES.get(1))) {
            return Optional.empty();
        }
        Artifact a = artifact.get();
        return Optional.of(new NativeBundle("onnxruntime-" + a.version() + "-" + a.build(), files));
    }

    /**
     * Unpacks ONNX Runtime's libraries into the standard cache (once per machine and build) and sets
     * {@value #PROPERTY}, unless it is already set or this is not linux-x64. Call it before ONNX Runtime loads;
     * later calls return the first answer. When the cache cannot be written it says so once on stderr and leaves
     * ONNX Runtime to its own temporary folder.
     *
     * @return the folder ONNX Runtime will load from, or empty when ONNX Runtime's own loading applies
     */
    public static synchronized Optional<Path> install() {
        if (installed == null) {
            installed = installInto(NativeCache.standard());
        }
        return installed;
    }

    static Optional<Path> installInto(NativeCache cache) {
        String preset = System.getProperty(PROPERTY);
        if (preset != null) {
            return Optional.of(Path.of(preset));
        }
        if (!linuxX64()) {
            return Optional.empty();
        }
        try {
            Optional<NativeBundle> bundle = bundle(OrtNatives.class.getClassLoader());
            if (bundle.isEmpty()) {
                return Optional.empty();
            }
            Path dir = cache.unpack(bundle.get()).dir();
            System.setProperty(PROPERTY, dir.toString());
            return Optional.of(dir);
        } catch (IOException | RuntimeException e) {
            System.err.println("tessera: warning: ONNX Runtime's libraries are unpacked to a temporary folder at each start: "
                    + e.getMessage() + " (set " + NativeCache.ENV + " to a writable folder)");
            return Optional.empty();
        }
    }

    static boolean linuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    private static long size(URL url) throws IOException {
        URLConnection c = url.openConnection();
        if (c instanceof JarURLConnection jar) {
            long size = jar.getJarEntry().getSize();
            if (size >= 0) {
                return size;
            }
        }
        if (url.getProtocol().equals("file")) {
            try {
                return Files.size(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                throw new IOException("bad library URL " + url, e);
            }
        }
        return c.getContentLengthLong();
    }
}
