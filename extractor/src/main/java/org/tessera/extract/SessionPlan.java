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
     * {@code gpu} is the CUDA device id, on the CPU -1; {@code intraOpThreads} 0 keeps ONNX Runtime's default;
     * {@code cpu} is the CPU its inference thread is pinned to ({@link CpuAffinity}), -1 for none (see
     * {@link #pinned}).
     */
    record Session(int backbone, DeviceChoice device, int gpu, int intraOpThreads, int cpu) {
        Session {
            if (device == DeviceChoice.AUTO) {
                throw new IllegalArgumentException("a session runs on a resolved device, not AUTO");
            }
            if ((device == DeviceChoice.GPU) != (gpu >= 0)) {
                throw new IllegalArgumentException("a GPU session needs a GPU id and a CPU session none: " + device + ", " + gpu);
            }
            if (cpu < -1 || (cpu >= 0 && device != DeviceChoice.CPU)) {
                throw new IllegalArgumentException("only a CPU session's thread is pinned, to a CPU >= 0: " + device + ", " + cpu);
            }
        }

        /** Not pinned. */
        Session(int backbone, DeviceChoice device, int gpu, int intraOpThreads) {
            this(backbone, device, gpu, intraOpThreads, -1);
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

    /**
     * This plan with each session's inference thread pinned ({@link CpuAffinity}): on the CPU, when every session runs
     * on its calling thread alone (one intra-op thread) and a backbone has no more sessions than {@code allowed} CPUs,
     * session {@code t} of every backbone goes to {@code allowed[t]}, so each core runs one inference thread of each
     * backbone. Otherwise this plan as it is: GPU sessions, multi-threaded sessions (ONNX Runtime's own pool threads
     * would stay free) and an unknown CPU set are not pinned.
     */
    SessionPlan pinned(int[] allowed) {
        boolean pinnable = !sessions.isEmpty() && allowed.length > 0
                && sessions.stream().allMatch(s -> s.device() == DeviceChoice.CPU && s.intraOpThreads() == 1)
                && sessions.stream().mapToInt(Session::backbone).distinct()
                        .allMatch(b -> sessions.stream().filter(s -> s.backbone() == b).count() <= allowed.length);
        if (!pinnable) {
            return this;
        }
        java.util.Map<Integer, Integer> next = new java.util.HashMap<>();
        return new SessionPlan(sessions.stream().map(s -> new Session(s.backbone(), s.device(), s.gpu(), s.intraOpThreads(),
                allowed[next.merge(s.backbone(), 1, Integer::sum) - 1])).toList());
    }

    /** The sessions of backbone number {@code backbone}. */
    List<Session> of(int backbone) {
        return sessions.stream().filter(s -> s.backbone() == backbone).toList();
    }
}
