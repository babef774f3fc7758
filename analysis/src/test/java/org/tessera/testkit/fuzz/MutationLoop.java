package org.tessera.testkit.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The fuzzing that runs in every test run, without Jazzer's instrumentation: each seed and committed reproducer, then seeded mutations
 * ({@link Mutator}) until {@code runs} inputs or {@code budget} time. Each input runs on a worker thread with a
 * timeout (a hang is a finding) and an allocation budget measured by the JVM per thread (a small file that
 * makes the reader allocate more is a finding: a header claiming 2^31 rows must not allocate them). Failing
 * inputs are saved under {@code target/fuzz-findings/<target>/} for reproduction.
 */
public final class MutationLoop {
    /** A failing input: its run number (seeds first), the problem, and where the input was saved. */
    public record Finding(String target, int run, String problem, Path saved) {
        @Override
        public String toString() {
            return target + " run " + run + ": " + problem + " (input: " + saved + ")";
        }
    }

    /** What a loop did. */
    public record Report(String target, int executions, List<Finding> findings, Duration took) {
    }

    private final int runs;
    private final Duration budget;
    private final Duration timeout;
    private final long seed;

    public MutationLoop(int runs, Duration budget, Duration timeout, long seed) {
        if (runs < 0) {
            throw new IllegalArgumentException("runs must be >= 0, got " + runs);
        }
        this.runs = runs;
        this.budget = budget;
        this.timeout = timeout;
        this.seed = seed;
    }

    /** Runs and sizes from system properties {@code tessera.fuzz.runs} and {@code tessera.fuzz.seconds} (per target). */
    public static MutationLoop fromProperties(int defaultRuns, int defaultSeconds) {
        int runs = Integer.getInteger("tessera.fuzz.runs", defaultRuns);
        int seconds = Integer.getInteger("tessera.fuzz.seconds", defaultSeconds);
        return new MutationLoop(runs, Duration.ofSeconds(seconds), Duration.ofSeconds(Integer.getInteger("tessera.fuzz.timeout", 20)),
                Long.getLong("tessera.fuzz.seed", 12));
    }

    /**
     * One JUnit test per target whose name contains {@code -Dtessera.fuzz.only} (all by default): runs the loop and
     * fails listing the first findings. Prints a line per target with its inputs and time.
     */
    public Stream<DynamicTest> tests(List<FuzzTarget> targets, Map<String, List<byte[]>> reproducers, Path work) {
        String only = System.getProperty("tessera.fuzz.only", "");
        return targets.stream().filter(t -> t.name().contains(only)).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            Report r = run(t, reproducers.getOrDefault(t.name(), List.of()), work);
            System.out.printf("fuzz %-50s %6d inputs %5.1f s %d findings%n", r.target(), r.executions(), r.took().toMillis() / 1e3,
                    r.findings().size());
            assertTrue(r.findings().isEmpty(), r.findings().size() + " findings in " + r.executions() + " inputs:\n"
                    + String.join("\n", r.findings().stream().limit(10).map(Object::toString).toList()));
        }));
    }

    /** Runs the target's seeds, then {@code reproducers} (inputs of earlier findings), then mutations of the seeds. */
    public Report run(FuzzTarget target, List<byte[]> reproducers, Path work) throws IOException, InterruptedException {
        List<byte[]> seeds = target.seeds();
        List<byte[]> fixed = new ArrayList<>(seeds);
        fixed.addAll(reproducers);
        int maxLength = 2 * seeds.stream().mapToInt(b -> b.length).max().orElse(0) + 4096;
        Mutator mutator = new Mutator(maxLength);
        Random random = new Random(seed ^ target.name().hashCode());
        List<Finding> findings = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + target.name());
            t.setDaemon(true);
            return t;
        });
        int executed = 0;
        try {
            for (int run = 0; run < fixed.size() + runs && (run < fixed.size() || System.nanoTime() < deadline); run++) {
                byte[] input = run < fixed.size() ? fixed.get(run)
                        : mutator.mutate(seeds.get(random.nextInt(seeds.size())), seeds, random);
                Optional<String> problem = once(target, input, work, worker);
                executed++;
                if (problem.isPresent()) {
                    findings.add(new Finding(target.name(), run, problem.get(), save(target, run, input)));
                    if (problem.get().startsWith("hang")) {
                        worker.shutdownNow(); // the hung thread keeps running; give later inputs a fresh one
                        worker = Executors.newSingleThreadExecutor();
                    }
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return new Report(target.name(), executed, findings, Duration.ofNanos(System.nanoTime() - start));
    }

    private Optional<String> once(FuzzTarget target, byte[] input, Path work, ExecutorService worker) throws InterruptedException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Future<Optional<String>> f = worker.submit(() -> {
            long before = threads.getCurrentThreadAllocatedBytes();
            Optional<String> p = target.check(input, work);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            if (p.isEmpty() && allocated > target.allocBudget()) {
                return Optional.of("allocated " + (allocated >> 20) + " MB for a " + input.length + "-byte input (budget "
                        + (target.allocBudget() >> 20) + " MB)");
            }
            return p;
        });
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return Optional.of("hang: no result after " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Optional.of("harness failure: " + e.getCause());
        }
    }

    private static Path save(FuzzTarget target, int run, byte[] input) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-findings", target.name().replace('/', '_')));
            return Files.write(dir.resolve(run + "-" + target.slot().replace('/', '_')), input);
        } catch (IOException e) {
            return Path.of("(not saved: " + e.getMessage() + ")");
        }
    }
}
