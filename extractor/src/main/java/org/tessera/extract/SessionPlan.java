package org.tessera.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tessera.backbone.DeviceChoice;

/**
 * Which backbone sessions a run opens, each with its own inference thread: on GPUs one session per backbone and
 * GPU (the GPU parallelises inside a batch; the batches of a backbone are spread over its GPUs by the threads
 * taking them from one queue), on the CPU {@code cpuThreads} single- or few-threaded sessions per backbone.
 * A value, so the plan can be tested on a machine without a GPU.
 *
 * @param sessions one entry per session to open, in the order they are opened
 */
record SessionPlan(List<Session> sessions) {

    /**
     * One session: backbone number {@code backbone} (index in the run's backbones) on {@code device}; on a GPU
     * {@code gpu} is the CUDA device id, on the CPU -1; {@code intraOpThreads} 0 keeps ONNX Runtime's default.
     */
    record Session(int backbone, DeviceChoice device, int gpu, int intraOpThreads) {
        Session {
            if (device == DeviceChoice.AUTO) {
                throw new IllegalArgumentException("a session runs on a resolved device, not AUTO");
            }
            if ((device == DeviceChoice.GPU) != (gpu >= 0)) {
                throw new IllegalArgumentException("a GPU session needs a GPU id and a CPU session none: " + device + ", " + gpu);
            }
        }
    }

    SessionPlan {
        sessions = List.copyOf(sessions);
        Set<String> seen = new HashSet<>();
        for (Session s : sessions) {
            if (s.gpu() >= 0 && !seen.add(s.backbone() + "@" + s.gpu())) {
                throw new IllegalArgumentException("backbone " + s.backbone() + " would be registered twice on GPU " + s.gpu());
            }
        }
    }

    /**
     * The plan for {@code backbones} backbones on a resolved device.
     *
     * @param gpus GPU ids (empty: GPU 0); ignored on the CPU
     * @param cpuThreads sessions per backbone on the CPU
     * @param cores the machine's cores, shared by each backbone's CPU sessions
     */
    static SessionPlan of(int backbones, DeviceChoice resolved, List<Integer> gpus, int cpuThreads, int cores) {
        if (backbones < 1 || cpuThreads < 1 || cores < 1) {
            throw new IllegalArgumentException("need backbones, threads and cores: " + backbones + ", " + cpuThreads + ", " + cores);
        }
        List<Session> out = new ArrayList<>();
        for (int b = 0; b < backbones; b++) {
            if (resolved == DeviceChoice.GPU) {
                for (int id : gpus.isEmpty() ? List.of(0) : gpus) {
                    out.add(new Session(b, DeviceChoice.GPU, id, 0));
                }
            } else if (resolved == DeviceChoice.CPU) {
                for (int t = 0; t < cpuThreads; t++) {
                    out.add(new Session(b, DeviceChoice.CPU, -1, Math.max(1, cores / cpuThreads)));
                }
            } else {
                throw new IllegalArgumentException("resolve AUTO before planning sessions");
            }
        }
        return new SessionPlan(out);
    }

    /** The sessions of backbone number {@code backbone}. */
    List<Session> of(int backbone) {
        return sessions.stream().filter(s -> s.backbone() == backbone).toList();
    }
}
