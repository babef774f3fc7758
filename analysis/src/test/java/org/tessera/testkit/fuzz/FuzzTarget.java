package org.tessera.testkit.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One input file of a reader under fuzz. A reader's input is a folder of named files ({@link Sample}); the
 * target replaces the file {@code slot} by the fuzzed bytes and keeps the sample's other files as they are, so
 * a reader of several files gets one target per file ({@link #each}). Seeds are the slot's bytes in every
 * sample, built at test time from the real data in {@code ../shared}.
 *
 * @param name        stable name, e.g. {@code legacy-st/counts.tsv}
 * @param samples     real inputs (built once, lazily)
 * @param slot        the file name the fuzzed bytes are written to
 * @param reader      reads the folder; {@code file} is the slot's path
 * @param allocBudget bytes the reading thread may allocate per input before it counts as unbounded
 */
public record FuzzTarget(String name, Samples samples, String slot, Reader reader, long allocBudget) {
    /** Default allocation budget: a reader of a few-KB file has no reason to allocate more. */
    public static final long DEFAULT_ALLOC_BUDGET = 256L << 20;

    /** A real input: file name to bytes, in writing order. */
    public record Sample(Map<String, byte[]> files) {
        public Sample {
            files = new LinkedHashMap<>(files);
        }

        public static Sample of(String name, byte[] bytes) {
            return new Sample(Map.of(name, bytes));
        }
    }

    @FunctionalInterface
    public interface Samples {
        List<Sample> build() throws Exception;
    }

    @FunctionalInterface
    public interface Reader {
        void read(Path folder, Path file) throws Exception;
    }

    public FuzzTarget {
        samples = memo(samples);
    }

    /** One target for a single-file reader. */
    public static FuzzTarget of(String name, String slot, Samples samples, Reader reader) {
        return new FuzzTarget(name, samples, slot, reader, DEFAULT_ALLOC_BUDGET);
    }

    /** One target per file of the first sample, named {@code prefix/file}. */
    public static List<FuzzTarget> each(String prefix, List<String> files, Samples samples, Reader reader) {
        Samples shared = memo(samples);
        List<FuzzTarget> out = new ArrayList<>();
        for (String f : files) {
            out.add(new FuzzTarget(prefix + "/" + f, shared, f, reader, DEFAULT_ALLOC_BUDGET));
        }
        return out;
    }

    public FuzzTarget withAllocBudget(long bytes) {
        return new FuzzTarget(name, samples, slot, reader, bytes);
    }

    /** The slot's bytes in every sample. */
    public List<byte[]> seeds() {
        return sampleList().stream().map(s -> s.files().get(slot)).filter(b -> b != null).toList();
    }

    List<Sample> sampleList() {
        try {
            return samples.build();
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot build the seed samples: " + e, e);
        }
    }

    /**
     * Writes {@code input} as the slot (the first sample's other files beside it) into a new folder under
     * {@code work}, reads it, and returns what was wrong, if anything. The folder is deleted afterwards.
     */
    public Optional<String> check(byte[] input, Path work) throws IOException {
        Path folder = Files.createTempDirectory(work, "in-");
        try {
            Path file = folder.resolve(slot);
            for (var e : sampleList().get(0).files().entrySet()) {
                Path p = folder.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, e.getKey().equals(slot) ? input : e.getValue());
            }
            try {
                reader.read(folder, file);
                return Optional.empty();
            } catch (Throwable t) {
                return Verdict.problem(t, folder, file.getFileName().toString());
            }
        } finally {
            deleteTree(folder);
        }
    }

    /** For Jazzer's {@code @FuzzTest}: a finding is thrown as an {@link AssertionError}. */
    public void fuzz(byte[] input) throws IOException {
        Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "tessera-fuzz"));
        Optional<String> problem = check(input, work);
        if (problem.isPresent()) {
            throw new AssertionError(name + ": " + problem.get());
        }
    }

    private static Samples memo(Samples s) {
        if (s instanceof Memo) {
            return s;
        }
        return new Memo(s);
    }

    private static final class Memo implements Samples {
        private final Samples inner;
        private List<Sample> built;

        Memo(Samples inner) {
            this.inner = inner;
        }

        @Override
        public synchronized List<Sample> build() throws Exception {
            if (built == null) {
                built = List.copyOf(inner.build());
                if (built.isEmpty()) {
                    throw new IllegalStateException("no seed samples");
                }
            }
            return built;
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
