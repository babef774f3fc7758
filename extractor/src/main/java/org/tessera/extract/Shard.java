package org.tessera.extract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import org.tessera.store.SlideRecord;

/**
 * One of {@code count} disjoint parts of a cohort, for running extraction on many machines at once (a SLURM
 * job array, a Kubernetes indexed Job). A slide belongs to shard {@code sha256(slide id) mod count}: the
 * assignment depends only on the slide's content-derived id, so it is the same on every machine and in every
 * re-run, whatever order or subset of slides a machine sees.
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1) {
            throw new IllegalArgumentException("shard count must be at least 1, got " + count);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("shard index must be 0.." + (count - 1) + " for " + count + " shards, got " + index);
        }
    }

    /** Whether this shard holds the slide. */
    public boolean contains(String slideId) {
        return Math.floorMod(hash(slideId), count) == index;
    }

    /** The slides of {@code all} that belong to this shard, in their order. */
    public List<SlideRecord> select(List<SlideRecord> all) {
        return all.stream().filter(s -> contains(s.slideId())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }

    private static long hash(String slideId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(slideId.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * The shard a spec names: {@code I/N}; {@code /N} takes I from the environment (SLURM's array task, or a
     * Kubernetes indexed Job's {@code JOB_COMPLETION_INDEX}); an empty spec takes both from SLURM
     * ({@code SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN} of {@code SLURM_ARRAY_TASK_COUNT}).
     *
     * @throws IllegalArgumentException saying what is malformed or missing
     */
    public static Shard resolve(String spec, Map<String, String> env) {
        String s = spec.strip();
        if (s.isEmpty()) {
            int count = envInt(env, "SLURM_ARRAY_TASK_COUNT",
                    "--shard without I/N needs a SLURM array task (SLURM_ARRAY_TASK_COUNT is not set); give --shard I/N, or /N with JOB_COMPLETION_INDEX");
            return new Shard(envIndex(env), count);
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("--shard must be I/N (e.g. 0/8), /N (index from the environment) or empty, got '" + spec + "'");
        }
        int count = parse(s.substring(slash + 1), "N", spec);
        String i = s.substring(0, slash);
        return new Shard(i.isEmpty() ? envIndex(env) : parse(i, "I", spec), count);
    }

    private static int envIndex(Map<String, String> env) {
        if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
            String step = env.getOrDefault("SLURM_ARRAY_TASK_STEP", "1");
            if (!step.equals("1")) {
                throw new IllegalArgumentException("SLURM array step is " + step + ": use a contiguous array (--array=0-N) or give --shard I/N");
            }
            int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? envInt(env, "SLURM_ARRAY_TASK_MIN", "") : 0;
            return envInt(env, "SLURM_ARRAY_TASK_ID", "") - min;
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            return envInt(env, "JOB_COMPLETION_INDEX", "");
        }
        throw new IllegalArgumentException("--shard needs the shard index: neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX is set; give --shard I/N");
    }

    private static int envInt(Map<String, String> env, String name, String missing) {
        String v = env.get(name);
        if (v == null) {
            throw new IllegalArgumentException(missing);
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
        }
    }

    private static int parse(String v, String what, String spec) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard " + what + " must be an integer in '" + spec + "' (form I/N, e.g. 0/8)");
        }
    }
}
