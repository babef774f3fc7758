package org.tessera.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tessera.backbone.OrtBuild;

/**
 * Checks what this machine can run. Every probe is injected ({@link #system()} gives the real ones).
 *
 * @param libraries   finds shared libraries by soname
 * @param ort         loads ONNX Runtime and reports its build; may throw when it cannot load
 * @param nvidiaDriver the NVIDIA kernel driver's version file ({@code /proc/driver/nvidia/version})
 * @param jdkFeature  the running JDK's feature version (25 for JDK 25)
 */
public record Doctor(LibraryLookup libraries, Callable<OrtBuild> ort, Path nvidiaDriver, int jdkFeature) {

    /** The JDK Tessera is built for. */
    public static final int JDK_NEEDED = 25;
    /** Where the NVIDIA kernel driver reports its version once loaded. */
    public static final Path NVIDIA_DRIVER_FILE = Path.of("/proc/driver/nvidia/version");
    /** Where to get every CUDA 12 and cuDNN 9 library at once. */
    public static final String CUDA_BUNDLES = "all CUDA libraries at once: an nvidia/cuda:12.*-cudnn-runtime image (e.g. "
            + "nvidia/cuda:12.8.1-cudnn-runtime-ubuntu24.04, run with --gpus all), or from NVIDIA's CUDA repository for "
            + "Debian/Ubuntu: apt-get install cuda-libraries-12-8 libcudnn9-cuda-12";

    public Doctor {
        if (libraries == null || ort == null || nvidiaDriver == null) {
            throw new IllegalArgumentException("the doctor needs a library lookup, an ONNX Runtime probe and the driver file");
        }
    }

    /** The probes of this machine and this class path. */
    public static Doctor system() {
        return new Doctor(new SystemLibraries(), OrtBuild::probe, NVIDIA_DRIVER_FILE, Runtime.version().feature());
    }

    /** A shared library Tessera or ONNX Runtime's CUDA provider loads, and where to get it. */
    record Library(String soname, String purpose, Requirement requirement, String remedy) {
    }

    /** The libraries checked, in order. The CUDA sonames are those ONNX Runtime 1.29's CUDA provider loads. */
    static final List<Library> LIBRARIES = List.of(
            new Library("libopenslide.so.0", "slide reading (OpenSlide)", Requirement.CPU, "apt-get install libopenslide0"),
            new Library("libopenblas.so", "linear algebra of the heads (Smile loads OpenBLAS)", Requirement.CPU,
                    "apt-get install libopenblas-dev (Smile loads the unversioned libopenblas.so, which only the -dev package links)"),
            new Library("libturbojpeg.so.0", "direct JPEG tile decoding (without it, tiles are read through OpenSlide)",
                    Requirement.OPTIONAL, "apt-get install libturbojpeg0"),
            new Library("libcuda.so.1", "CUDA driver API (comes with the NVIDIA driver)", Requirement.GPU,
                    "install the NVIDIA driver (Debian non-free: nvidia-driver, which brings libcuda1; NVIDIA's repository: "
                            + "cuda-drivers); in a container it is mounted from the host by the NVIDIA Container Toolkit "
                            + "(docker run --gpus all)"),
            new Library("libcudart.so.12", "CUDA 12 runtime", Requirement.GPU,
                    "NVIDIA's CUDA repository: apt-get install cuda-cudart-12-8 (any 12.x); Debian 13 non-free or Ubuntu multiverse: libcudart12"),
            new Library("libcublas.so.12", "cuBLAS 12 (matrix products)", Requirement.GPU,
                    "NVIDIA's CUDA repository: apt-get install libcublas-12-8; Debian 13 non-free or Ubuntu multiverse: libcublas12"),
            new Library("libcublasLt.so.12", "cuBLASLt 12 (matrix products)", Requirement.GPU,
                    "NVIDIA's CUDA repository: apt-get install libcublas-12-8; Debian 13 non-free or Ubuntu multiverse: libcublaslt12"),
            new Library("libcurand.so.10", "cuRAND (CUDA 12)", Requirement.GPU,
                    "NVIDIA's CUDA repository: apt-get install libcurand-12-8; Debian 13 non-free or Ubuntu multiverse: libcurand10"),
            new Library("libcudnn.so.9", "cuDNN 9 (convolutions, attention)", Requirement.GPU,
                    "NVIDIA's CUDA repository: apt-get install libcudnn9-cuda-12 (Debian has no cuDNN 9 package)"),
            new Library("libcufft.so.11", "cuFFT (only models with DFT/STFT operators)", Requirement.OPTIONAL,
                    "NVIDIA's CUDA repository: apt-get install libcufft-12-8; Debian 13 non-free or Ubuntu multiverse: libcufft11"));

    /** Runs every check. */
    public DoctorReport run() {
        List<Check> checks = new ArrayList<>();
        checks.add(jdk());
        Optional<OrtBuild> build = Optional.empty();
        try {
            build = Optional.of(ort.call());
            checks.add(new Check("ONNX Runtime", "inference", Requirement.CPU, true, describe(build.get()), ""));
        } catch (Exception | LinkageError e) {
            checks.add(new Check("ONNX Runtime", "inference", Requirement.CPU, false, "does not load: " + e,
                    "rebuild the jar (./tessera rebuilds it when sources change); check that libstdc++6 is installed"));
        }
        for (Library lib : LIBRARIES.subList(0, 3)) {
            checks.add(library(lib));
        }
        boolean cuda = build.map(OrtBuild::hasCuda).orElse(false);
        checks.add(new Check("CUDA execution provider", "GPU inference", Requirement.GPU, cuda,
                build.map(b -> cuda ? "compiled into " + b.artifact() + " " + b.version() : "absent: this is the CPU build (" + b.artifact() + ")")
                        .orElse("unknown: ONNX Runtime does not load"),
                cuda ? "" : "run the GPU build: TESSERA_GPU=1 ./tessera ... (or mvn -Pgpu package, then java -jar target/tessera-gpu.jar)"));
        if (cuda) {
            Optional<String> failure = build.get().cudaLoadFailure();
            checks.add(new Check("CUDA provider library", "loads the CUDA libraries below", Requirement.GPU, failure.isEmpty(),
                    failure.map(f -> "does not load: " + f).orElse("loads"),
                    failure.isEmpty() ? "" : "install the CUDA libraries marked MISSING below (ONNX Runtime's own log line on stderr names the first one it could not open)"));
        }
        checks.add(driver());
        for (Library lib : LIBRARIES.subList(3, LIBRARIES.size())) {
            checks.add(library(lib));
        }
        return new DoctorReport(checks);
    }

    private Check jdk() {
        boolean ok = jdkFeature >= JDK_NEEDED;
        return new Check("JDK", "runs Tessera", Requirement.CPU, ok, "Java " + jdkFeature,
                ok ? "" : "install JDK " + JDK_NEEDED + " (Temurin: apt-get install temurin-25-jdk from Adoptium's repository)");
    }

    private Check driver() {
        if (!Files.isRegularFile(nvidiaDriver)) {
            return new Check("NVIDIA driver", "GPU access", Requirement.GPU, false, nvidiaDriver + " does not exist",
                    "install the NVIDIA driver (Debian non-free: nvidia-driver; NVIDIA's repository: cuda-drivers) and "
                            + "reboot; in a container, pass the GPU through: docker run --gpus all (NVIDIA Container Toolkit)");
        }
        String version;
        try (var lines = Files.lines(nvidiaDriver)) {
            version = lines.findFirst().orElse("").strip();
        } catch (IOException | RuntimeException e) {
            version = "present (" + nvidiaDriver + " unreadable: " + e.getMessage() + ")";
        }
        return new Check("NVIDIA driver", "GPU access", Requirement.GPU, true, version, "");
    }

    private Check library(Library lib) {
        Optional<String> where = libraries.find(lib.soname());
        return new Check(lib.soname(), lib.purpose(), lib.requirement(), where.isPresent(), where.orElse("not found"),
                where.isPresent() ? "" : lib.remedy());
    }

    private static String describe(OrtBuild b) {
        return b.artifact() + " " + b.version() + ", providers " + b.providers()
                + b.nativeDir().map(d -> ", libraries in " + d).orElse("");
    }
}
