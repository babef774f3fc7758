package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.extract.Fixtures.MOBILENET;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.Backbone;
import org.tessera.backbone.BackboneException;
import org.tessera.backbone.DeviceChoice;
import org.tessera.backbone.DeviceSelector;
import org.tessera.store.FeatureStore;

/** Which sessions a run opens on which device, and what a GPU request does on a machine without one. */
class SessionPlanTest {
    @TempDir
    Path tmp;

    @Test
    void gpusGetOneSessionPerBackboneAndGpuEachDeviceOnce() {
        SessionPlan plan = SessionPlan.of(2, DeviceChoice.GPU, List.of(0, 1, 3), 4, 2);
        assertEquals(6, plan.sessions().size());
        for (int b = 0; b < 2; b++) {
            assertEquals(List.of(0, 1, 3), plan.of(b).stream().map(SessionPlan.Session::gpu).toList(), "backbone " + b);
        }
        assertTrue(plan.sessions().stream().allMatch(s -> s.intraOpThreads() == 0), "ONNX Runtime's default threads on a GPU");
        assertEquals(List.of(0), SessionPlan.of(1, DeviceChoice.GPU, List.of(), 4, 2).of(0).stream().map(SessionPlan.Session::gpu)
                .toList(), "no ids: GPU 0");
        SessionPlan.Session twice = new SessionPlan.Session(0, DeviceChoice.GPU, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> new SessionPlan(List.of(twice, twice)), "a device registered twice");
    }

    @Test
    void theCpuGetsThreadsSessionsPerBackboneSharingTheCores() {
        SessionPlan plan = SessionPlan.of(2, DeviceChoice.CPU, List.of(), 2, 4);
        assertEquals(4, plan.sessions().size());
        assertTrue(plan.sessions().stream().allMatch(s -> s.gpu() == -1 && s.intraOpThreads() == 2), plan.toString());
        assertEquals(1, SessionPlan.of(1, DeviceChoice.CPU, List.of(), 4, 2).sessions().get(0).intraOpThreads(), "at least one");
        assertThrows(IllegalArgumentException.class, () -> SessionPlan.of(1, DeviceChoice.AUTO, List.of(), 1, 1));
    }

    @Test
    void singleThreadedCpuSessionsArePinnedOnePerCoreForEachBackbone() {
        // Two backbones, two single-threaded sessions each, allowed CPUs 2 and 5 (a taskset): each core gets one
        // inference thread of each backbone.
        assertEquals(List.of(2, 5, 2, 5), cpus(SessionPlan.of(2, DeviceChoice.CPU, List.of(), 2, 2).pinned(new int[] {2, 5})));
        // Multi-threaded sessions, more sessions than CPUs, GPUs, an unknown CPU set: none pinned.
        assertEquals(List.of(-1, -1), cpus(SessionPlan.of(1, DeviceChoice.CPU, List.of(), 2, 4).pinned(new int[] {0, 1})));
        assertEquals(List.of(-1, -1, -1), cpus(SessionPlan.of(1, DeviceChoice.CPU, List.of(), 3, 2).pinned(new int[] {0, 1})));
        assertEquals(List.of(-1, -1), cpus(SessionPlan.of(1, DeviceChoice.GPU, List.of(0, 1), 2, 2).pinned(new int[] {0, 1})));
        assertEquals(List.of(-1, -1), cpus(SessionPlan.of(1, DeviceChoice.CPU, List.of(), 2, 2).pinned(new int[0])));
    }

    private static List<Integer> cpus(SessionPlan plan) {
        return plan.sessions().stream().map(SessionPlan.Session::cpu).toList();
    }

    @Test
    void aPinnedThreadRunsOnlyOnItsCpu() throws Exception {
        int[] allowed = CpuAffinity.allowed();
        assertTrue(allowed.length >= 1, "this Linux reports the CPUs the process may use");
        int last = allowed[allowed.length - 1];
        int[][] seen = new int[1][];
        Thread t = Thread.ofPlatform().start(() -> {
            if (CpuAffinity.pinCurrentThread(last)) {
                seen[0] = CpuAffinity.allowed();
            }
        });
        t.join();
        org.junit.jupiter.api.Assertions.assertNotNull(seen[0], "sched_setaffinity pinned the thread to CPU " + last);
        assertEquals(List.of(last), java.util.Arrays.stream(seen[0]).boxed().toList(), "the thread's mask is its one CPU");
        assertEquals(allowed.length, CpuAffinity.allowed().length, "other threads are left as they were");
        assertTrue(!CpuAffinity.pinCurrentThread(-1) && !CpuAffinity.pinCurrentThread(1 << 20), "CPUs out of range are refused");
    }

    @Test
    void theBackboneOptionsNameTheGpuForDjl() {
        assertEquals(Device.gpu(1), new Backbone.Options(DeviceChoice.GPU, true, 0, 1).djlDevice(DeviceChoice.GPU));
        assertEquals(Device.cpu(), new Backbone.Options(DeviceChoice.AUTO, true, 0, 1).djlDevice(DeviceChoice.CPU));
        assertThrows(IllegalArgumentException.class, () -> new Backbone.Options(DeviceChoice.GPU, true, 0, -1));
    }

    @Test
    void batchSizeDefaultsToTheDevicesAndGpuIdsForceTheGpu() {
        ExtractionOptions o = ExtractionOptions.defaults(MOBILENET);
        assertEquals(ExtractionOptions.CPU_BATCH, o.batchSizeOn(DeviceChoice.CPU));
        assertEquals(ExtractionOptions.GPU_BATCH, o.batchSizeOn(DeviceChoice.GPU));
        assertEquals(32, o.withBatchSize(32).batchSizeOn(DeviceChoice.GPU));
        assertEquals(DeviceChoice.GPU, o.withGpus(List.of(0, 1)).requestedDevice());
        assertThrows(IllegalArgumentException.class, () -> o.withGpus(List.of(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> o.withDevice(DeviceChoice.CPU).withGpus(List.of(0)));
    }

    @Test
    void gpusAskedForOnAMachineWithoutCudaFailBeforeAnythingIsWritten() throws Exception {
        // This test machine (and CI) has no CUDA provider: the request must fail clearly, not fall back.
        assertTrue(!DeviceSelector.probe().gpuAvailable(), "this test expects a machine without a usable GPU");
        try (FeatureStore store = Fixtures.twoSlides(tmp.resolve("s"))) {
            for (ExtractionOptions o : List.of(Fixtures.options(MOBILENET).withGpus(List.of(0, 1)),
                    Fixtures.options(MOBILENET).withDevice(DeviceChoice.GPU))) {
                BackboneException e = assertThrows(BackboneException.class, () -> Fixtures.extract(store, o));
                assertTrue(e.getMessage().contains("GPU inference was requested") && e.getMessage().contains("CUDA"), e.getMessage());
            }
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM extraction_runs"), "no run row");
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM embedding_sets"));
        }
    }
}
