package org.tessera.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.OrtBuild;

/** Every missing library, driver and build, on a fake library folder: no GPU needed. */
class DoctorTest {
    /** soname -> what its remedy must name (the package or image that provides it), typed here independently. */
    private static final Map<String, String> PROVIDED_BY = Map.ofEntries(
            Map.entry("libopenslide.so.0", "libopenslide0"),
            Map.entry("libopenblas.so", "libopenblas-dev"),
            Map.entry("libturbojpeg.so.0", "libturbojpeg0"),
            Map.entry("libcuda.so.1", "nvidia-driver"),
            Map.entry("libcudart.so.12", "cuda-cudart-12"),
            Map.entry("libcublas.so.12", "libcublas-12"),
            Map.entry("libcublasLt.so.12", "libcublas-12"),
            Map.entry("libcurand.so.10", "libcurand-12"),
            Map.entry("libcudnn.so.9", "libcudnn9-cuda-12"),
            Map.entry("libcufft.so.11", "libcufft-12"));
    private static final OrtBuild GPU_BUILD = new OrtBuild("onnxruntime_gpu", "1.29.0",
            EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA, OrtProvider.TENSOR_RT), Optional.empty(), Optional.empty());
    private static final OrtBuild CPU_BUILD = new OrtBuild("onnxruntime", "1.29.0", EnumSet.of(OrtProvider.CPU), Optional.empty(), Optional.empty());

    @TempDir
    Path tmp;
    private Path libs;
    private Path driver;

    @BeforeEach
    void everythingPresent() throws Exception {
        libs = Files.createDirectories(tmp.resolve("lib"));
        for (String soname : PROVIDED_BY.keySet()) {
            Files.createFile(libs.resolve(soname));
        }
        driver = Files.writeString(tmp.resolve("version"), "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.14\nGCC version\n");
    }

    private DoctorReport run(Callable<OrtBuild> ort, int jdk) {
        return new Doctor(LibraryLookup.in(libs), ort, driver, jdk).run();
    }

    private static Check check(DoctorReport r, String item) {
        return r.checks().stream().filter(c -> c.item().equals(item)).findFirst().orElseThrow(() -> new AssertionError(item + " not checked"));
    }

    @Test
    void everythingPresentMeansBothPathsAreReady() {
        DoctorReport r = run(() -> GPU_BUILD, 25);
        assertTrue(r.cpuReady() && r.gpuReady(), r.table(true));
        assertEquals(0, r.exitCode(true));
        assertEquals(0, r.exitCode(false));
        assertTrue(check(r, "NVIDIA driver").found().contains("550.54.14"));
        assertTrue(r.checks().stream().allMatch(c -> c.remedy().isEmpty()));
    }

    @Test
    void eachMissingLibraryIsNamedWithWhatProvidesItAndStopsOnlyItsPath() throws Exception {
        assertEquals(PROVIDED_BY.keySet(), Doctor.LIBRARIES.stream().map(Doctor.Library::soname).collect(java.util.stream.Collectors.toSet()));
        for (Doctor.Library lib : Doctor.LIBRARIES) {
            Files.delete(libs.resolve(lib.soname()));
            DoctorReport r = run(() -> GPU_BUILD, 25);
            Check c = check(r, lib.soname());
            assertFalse(c.ok(), lib.soname());
            assertEquals("not found", c.found());
            assertTrue(c.remedy().contains(PROVIDED_BY.get(lib.soname())), lib.soname() + ": " + c.remedy());
            String table = r.table(true);
            assertTrue(table.contains(lib.soname() + " (" + lib.purpose() + "): " + c.remedy()), table);
            switch (lib.requirement()) {
                case CPU -> {
                    assertFalse(r.cpuReady(), lib.soname());
                    assertEquals(1, r.exitCode(false));
                    assertEquals(1, r.exitCode(true));
                }
                case GPU -> {
                    assertTrue(r.cpuReady(), lib.soname());
                    assertEquals(0, r.exitCode(false));
                    assertEquals(1, r.exitCode(true));
                    assertTrue(table.contains("nvidia/cuda:12."), table);
                    assertTrue(table.contains("missing for the GPU path: " + lib.soname()), table);
                }
                case OPTIONAL -> {
                    assertEquals(0, r.exitCode(true), lib.soname() + " is optional");
                    assertTrue(table.startsWith("status") && table.contains("absent   " + lib.soname()), table);
                }
            }
            Files.createFile(libs.resolve(lib.soname()));
        }
    }

    @Test
    void theCpuBuildCannotRunTheGpuPathAndSaysWhichBuildToRun() {
        DoctorReport r = run(() -> CPU_BUILD, 25);
        Check cuda = check(r, "CUDA execution provider");
        assertFalse(cuda.ok());
        assertTrue(cuda.found().contains("CPU build"), cuda.found());
        assertTrue(cuda.remedy().contains("TESSERA_GPU=1 ./tessera") && cuda.remedy().contains("mvn -Pgpu package"), cuda.remedy());
        assertEquals(0, r.exitCode(false));
        assertEquals(1, r.exitCode(true));
    }

    @Test
    void aCudaProviderThatDoesNotLoadStopsTheGpuPathWithOnnxRuntimesReason() {
        // The message ONNX Runtime 1.29's GPU build gives on this machine (no CUDA libraries installed); the
        // missing library itself (libcublasLt.so.12) is named only in ONNX Runtime's log line on stderr.
        String why = "Error code - ORT_FAIL - message: OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library";
        OrtBuild broken = new OrtBuild("onnxruntime_gpu", "1.29.0", EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA), Optional.empty(),
                Optional.of(why));
        DoctorReport r = run(() -> broken, 25);
        Check c = check(r, "CUDA provider library");
        assertFalse(c.ok());
        assertTrue(c.found().contains("Failed to load shared library"), c.found());
        assertTrue(c.remedy().contains("MISSING"), c.remedy());
        assertEquals(1, r.exitCode(true));
        assertEquals(0, r.exitCode(false));
        assertTrue(check(run(() -> GPU_BUILD, 25), "CUDA provider library").ok());
        assertTrue(run(() -> CPU_BUILD, 25).checks().stream().noneMatch(x -> x.item().equals("CUDA provider library")),
                "the CPU build has no CUDA provider library to load");
    }

    @Test
    void noDriverStopsTheGpuPathAndNamesTheDriverAndTheContainerFlag() throws Exception {
        Files.delete(driver);
        DoctorReport r = run(() -> GPU_BUILD, 25);
        Check d = check(r, "NVIDIA driver");
        assertFalse(d.ok());
        assertTrue(d.found().contains(driver.toString()), d.found());
        assertTrue(d.remedy().contains("nvidia-driver") && d.remedy().contains("--gpus all"), d.remedy());
        assertEquals(1, r.exitCode(true));
        assertEquals(0, r.exitCode(false));
    }

    @Test
    void anOnnxRuntimeThatDoesNotLoadStopsBothPaths() {
        DoctorReport r = run(() -> {
            throw new UnsatisfiedLinkError("libonnxruntime.so: cannot open shared object file");
        }, 25);
        Check ort = check(r, "ONNX Runtime");
        assertFalse(ort.ok());
        assertTrue(ort.found().contains("cannot open shared object file"), ort.found());
        assertEquals(1, r.exitCode(false));
        assertTrue(check(r, "CUDA execution provider").found().contains("does not load"));
    }

    @Test
    void anOldJdkStopsBothPaths() {
        DoctorReport r = run(() -> GPU_BUILD, 21);
        assertFalse(check(r, "JDK").ok());
        assertTrue(check(r, "JDK").remedy().contains("temurin-25-jdk"));
        assertEquals(1, r.exitCode(false));
    }

    @Test
    void jsonCarriesTheVerdictsAndEveryCheck() throws Exception {
        Files.delete(libs.resolve("libcudnn.so.9"));
        DoctorReport r = run(() -> GPU_BUILD, 25);
        JsonNode json = new ObjectMapper().readTree(r.json());
        assertTrue(json.get("cpuReady").asBoolean());
        assertFalse(json.get("gpuReady").asBoolean());
        assertEquals(r.checks().size(), json.get("checks").size());
        JsonNode cudnn = null;
        for (JsonNode c : json.get("checks")) {
            if (c.get("item").asText().equals("libcudnn.so.9")) {
                cudnn = c;
            }
        }
        assertTrue(cudnn != null && !cudnn.get("ok").asBoolean() && cudnn.get("needed").asText().equals("gpu"), String.valueOf(cudnn));
        assertTrue(cudnn.get("remedy").asText().contains("libcudnn9-cuda-12"));
    }

    @Test
    void theSystemLoaderFindsOpenSlideAndNotAMadeUpLibrary() {
        SystemLibraries system = new SystemLibraries();
        // libopenslide0 is installed by run-tests (scripts/env.sh).
        Optional<String> openslide = system.find("libopenslide.so.0");
        assertTrue(openslide.isPresent() && openslide.get().contains("libopenslide"), String.valueOf(openslide));
        assertEquals(Optional.empty(), system.find("libtessera-no-such-library.so.7"));
    }
}
