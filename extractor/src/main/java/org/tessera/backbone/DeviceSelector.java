package org.tessera.backbone;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Resolves a {@link DeviceChoice} to CPU or GPU from two cheap facts: whether the ONNX Runtime on the class
 * path was built with the CUDA execution provider, and whether an NVIDIA driver is loaded.
 *
 * <p>It exists so that {@code AUTO} costs nothing (no CUDA context is created, no session is tried) and so the
 * policy can be tested on machines without a GPU: the facts are injected, {@link #probe()} reads the real ones.
 * The default jar (CPU build of ONNX Runtime) has no CUDA provider, so {@code AUTO} gives CPU unless the GPU build
 * ({@code TESSERA_GPU=1 ./tessera}, Maven profile {@code gpu}) is run.
 *
 * @param providers    execution providers ONNX Runtime reports as compiled in
 * @param nvidiaDriver whether an NVIDIA kernel driver is present ({@value #NVIDIA_DRIVER_FILE} exists)
 */
public record DeviceSelector(Set<OrtProvider> providers, boolean nvidiaDriver) {

    /** The file the NVIDIA kernel driver exposes on Linux once loaded. */
    public static final String NVIDIA_DRIVER_FILE = "/proc/driver/nvidia/version";

    public DeviceSelector {
        if (providers == null) {
            throw new IllegalArgumentException("providers must not be null");
        }
        providers = providers.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(providers));
    }

    /** The facts of this machine and this class path. Initialises ONNX Runtime through DJL; takes milliseconds. */
    public static DeviceSelector probe() {
        OrtRuntime.environment();
        return new DeviceSelector(OrtEnvironment.getAvailableProviders(), Files.exists(Path.of(NVIDIA_DRIVER_FILE)));
    }

    /** Whether both conditions for CUDA inference hold. */
    public boolean gpuAvailable() {
        return providers.contains(OrtProvider.CUDA) && nvidiaDriver;
    }

    /**
     * {@link DeviceChoice#CPU} or {@link DeviceChoice#GPU}, never {@code AUTO}.
     *
     * @throws BackboneException when GPU is forced but unavailable; the message says what is missing
     */
    public DeviceChoice resolve(DeviceChoice choice) throws BackboneException {
        return switch (choice) {
            case CPU -> DeviceChoice.CPU;
            case AUTO -> gpuAvailable() ? DeviceChoice.GPU : DeviceChoice.CPU;
            case GPU -> {
                if (!gpuAvailable()) {
                    throw new BackboneException("GPU inference was requested but " + missing());
                }
                yield DeviceChoice.GPU;
            }
        };
    }

    private String missing() {
        StringBuilder why = new StringBuilder();
        if (!providers.contains(OrtProvider.CUDA)) {
            why.append("the ONNX Runtime on the class path has no CUDA execution provider (it offers ")
                    .append(providers)
                    .append("): this is the CPU build of Tessera; run the GPU build with TESSERA_GPU=1 ./tessera ... "
                            + "(or build it with mvn -Pgpu package: target/tessera-gpu.jar)");
        }
        if (!nvidiaDriver) {
            if (!why.isEmpty()) {
                why.append("; and ");
            }
            why.append("no NVIDIA driver is loaded (" + NVIDIA_DRIVER_FILE + " does not exist): install the NVIDIA "
                    + "driver, or in a container pass the GPU through (docker --gpus all)");
        }
        return why.append(". 'tessera doctor --gpu' lists every library the GPU build needs and what provides it. "
                + "Choose device CPU (or AUTO) to run on the CPU.").toString();
    }
}
