package org.tessera.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ai.onnxruntime.OrtProvider;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The device policy with injected facts; no machine used for development has a GPU. */
class DeviceSelectorTest {

    private static final EnumSet<OrtProvider> CPU_ONLY = EnumSet.of(OrtProvider.CPU);
    private static final EnumSet<OrtProvider> WITH_CUDA = EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA);

    @Test
    void autoIsCpuWithoutTheCudaProviderEvenWithADriver() throws Exception {
        assertEquals(DeviceChoice.CPU, new DeviceSelector(CPU_ONLY, true).resolve(DeviceChoice.AUTO));
    }

    @Test
    void autoIsCpuWithTheCudaProviderButNoDriver() throws Exception {
        assertEquals(DeviceChoice.CPU, new DeviceSelector(WITH_CUDA, false).resolve(DeviceChoice.AUTO));
    }

    @Test
    void autoIsGpuWithTheCudaProviderAndADriver() throws Exception {
        assertEquals(DeviceChoice.GPU, new DeviceSelector(WITH_CUDA, true).resolve(DeviceChoice.AUTO));
    }

    @Test
    void cpuStaysCpuWhenAGpuIsAvailable() throws Exception {
        assertEquals(DeviceChoice.CPU, new DeviceSelector(WITH_CUDA, true).resolve(DeviceChoice.CPU));
    }

    @Test
    void forcedGpuWithoutProviderNamesTheGpuBuildAndTheDoctor() {
        BackboneException e = assertThrows(BackboneException.class,
                () -> new DeviceSelector(CPU_ONLY, true).resolve(DeviceChoice.GPU));
        assertTrue(e.getMessage().contains("TESSERA_GPU=1 ./tessera") && e.getMessage().contains("mvn -Pgpu package"), e.getMessage());
        assertTrue(e.getMessage().contains("tessera doctor --gpu"), e.getMessage());
        assertTrue(!e.getMessage().contains("pom.xml"), e.getMessage());
        assertTrue(!e.getMessage().contains("driver"), e.getMessage());
    }

    @Test
    void forcedGpuWithoutDriverNamesTheDriver() {
        BackboneException e = assertThrows(BackboneException.class,
                () -> new DeviceSelector(WITH_CUDA, false).resolve(DeviceChoice.GPU));
        assertTrue(e.getMessage().contains("NVIDIA driver") && e.getMessage().contains("/proc/driver/nvidia"),
                e.getMessage());
    }

    @Test
    void probedAutoIsCpuWhereNoGpuIsUsable() throws Exception {
        // The default build depends on the CPU-only com.microsoft.onnxruntime:onnxruntime jar, so this holds unless
        // the tests run with -Pgpu on a machine with a driver.
        DeviceSelector probed = DeviceSelector.probe();
        assertTrue(probed.providers().contains(OrtProvider.CPU), probed.toString());
        assumeFalse(probed.gpuAvailable(), "a usable GPU is present: " + probed);
        assertEquals(DeviceChoice.CPU, probed.resolve(DeviceChoice.AUTO));
    }

    @Test
    void loadingWithForcedGpuOnThisMachineFailsBeforeTouchingTheModel() throws Exception {
        assumeFalse(DeviceSelector.probe().gpuAvailable(), "a usable GPU is present");
        BackboneCard card = TestCards.mobilenet();
        BackboneException e = assertThrows(BackboneException.class,
                () -> Backbone.load(card, TestCards.modelFile(card), DeviceChoice.GPU));
        assertTrue(e.getMessage().startsWith("GPU inference was requested"), e.getMessage());
    }

    @Test
    void loadingWithAutoRunsOnTheCpuHere() throws Exception {
        assumeFalse(DeviceSelector.probe().gpuAvailable(), "a usable GPU is present");
        BackboneCard card = TestCards.mobilenet();
        try (Backbone backbone = Backbone.load(card, TestCards.modelFile(card), DeviceChoice.AUTO)) {
            assertTrue(backbone.deviceDescription().startsWith("CPU (ONNX Runtime 1.29"),
                    backbone.deviceDescription());
        }
    }
}
