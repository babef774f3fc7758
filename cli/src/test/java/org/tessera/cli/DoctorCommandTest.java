package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The command only prints the extractor's report (DoctorTest covers the checks); here: formats and exit codes. */
class DoctorCommandTest {

    @Test
    void theCpuBuildOnThisMachineCanRunTheCpuPathButNotTheGpuPath() throws Exception {
        // run-tests installs OpenSlide and OpenBLAS, and the default build carries the CPU ONNX Runtime.
        Cli cpu = Cli.run("doctor");
        assertEquals(0, cpu.code(), cpu.toString());
        assertTrue(cpu.out().contains("CPU path: ready") && cpu.out().contains("libcudnn.so.9"), cpu.out());
        Cli gpu = Cli.run("doctor", "--gpu");
        assertEquals(1, gpu.code(), gpu.toString());
        assertTrue(gpu.out().contains("GPU path: NOT ready") && gpu.out().contains("TESSERA_GPU=1"), gpu.out());
    }

    @Test
    void jsonIsMachineReadable() throws Exception {
        Cli r = Cli.run("doctor", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("cpuReady").asBoolean(), r.out());
        assertFalse(json.get("gpuReady").asBoolean(), r.out());
        assertTrue(json.get("checks").size() >= 10, r.out());
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli r = Cli.run("doctor", "--format", "xml");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("table or json"), r.err());
    }
}
