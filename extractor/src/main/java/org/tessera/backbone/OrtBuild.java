package org.tessera.backbone;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.tessera.nativelib.OrtNatives;

/**
 * The ONNX Runtime this process runs: the artifact on the class path ({@code onnxruntime} or {@code onnxruntime_gpu}),
 * the version of the native library actually loaded, the execution providers it was built with, and the folder its
 * libraries were loaded from.
 *
 * @param artifact  {@code onnxruntime}, {@code onnxruntime_gpu}, or {@code unknown}
 * @param version   the loaded native library's version, e.g. {@code 1.29.0}
 * @param providers the execution providers compiled in (CUDA only in the GPU build), in the enum's order
 * @param nativeDir where the native libraries were loaded from, when Tessera's cache was used
 * @param cudaLoadFailure ONNX Runtime's error when its CUDA provider library does not load ("Failed to load shared
 *                  library"; its log names the missing CUDA library); empty when it loads or the build has no CUDA provider
 */
public record OrtBuild(String artifact, String version, Set<OrtProvider> providers, Optional<Path> nativeDir,
        Optional<String> cudaLoadFailure) {

    public OrtBuild {
        if (artifact == null || version == null || providers == null || nativeDir == null || cudaLoadFailure == null) {
            throw new IllegalArgumentException("every field of OrtBuild must be given");
        }
        providers = Collections.unmodifiableSet(providers.isEmpty() ? EnumSet.noneOf(OrtProvider.class) : EnumSet.copyOf(providers));
    }

    /**
     * Loads ONNX Runtime (through DJL, from the native cache) and reports it. With the CUDA provider compiled in, it
     * also appends that provider to throwaway session options, which loads its library and the CUDA libraries it
     * links (no session, no CUDA context).
     */
    public static OrtBuild probe() {
        Optional<Path> dir = OrtNatives.install();
        OrtEnvironment env = OrtRuntime.environment();
        String artifact = OrtNatives.artifact(OrtBuild.class.getClassLoader()).map(OrtNatives.Artifact::artifactId).orElse("unknown");
        Set<OrtProvider> providers = OrtEnvironment.getAvailableProviders();
        Optional<String> failure = Optional.empty();
        if (providers.contains(OrtProvider.CUDA)) {
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.addCUDA(0);
            } catch (OrtException | RuntimeException e) {
                failure = Optional.of(String.valueOf(e.getMessage()));
            }
        }
        return new OrtBuild(artifact, env.getVersion(), providers, dir, failure);
    }

    /** Whether the CUDA execution provider is compiled in. */
    public boolean hasCuda() {
        return providers.contains(OrtProvider.CUDA);
    }
}
