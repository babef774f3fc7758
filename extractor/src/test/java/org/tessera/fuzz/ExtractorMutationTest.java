package org.tessera.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.fuzz.MutationLoop;

/**
 * The short fuzzing run of every test run: each extractor reader gets its real seeds and then seeded mutations
 * (default 400 per target or 4 s, whichever comes first; {@code -Dtessera.fuzz.runs} and
 * {@code -Dtessera.fuzz.seconds} change that, {@code -Dtessera.fuzz.only=visium} picks targets by name). Any input must give a result or a clear exception naming the file,
 * within the timeout and the allocation budget. {@code scripts/fuzz} runs the same targets coverage-guided.
 */
class ExtractorMutationTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyReaderSurvivesMutatedRealFiles() {
        MutationLoop loop = MutationLoop.fromProperties(400, 4);
        String only = System.getProperty("tessera.fuzz.only", "");
        return ExtractorTargets.all().stream().filter(t -> t.name().contains(only)).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            MutationLoop.Report r = loop.run(t, work);
            System.out.printf("fuzz %-50s %6d inputs %5.1f s %d findings%n", r.target(), r.executions(), r.took().toMillis() / 1e3,
                    r.findings().size());
            assertTrue(r.findings().isEmpty(), r.findings().size() + " findings in " + r.executions() + " inputs:\n"
                    + String.join("\n", r.findings().stream().limit(10).map(Object::toString).toList()));
        }));
    }
}
