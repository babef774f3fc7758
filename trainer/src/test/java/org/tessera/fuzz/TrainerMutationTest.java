package org.tessera.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.fuzz.MutationLoop;

/**
 * The short fuzzing run of the trainer's readers in every test run: real seeds, then seeded mutations (default
 * 300 per target or 8 s; {@code -Dtessera.fuzz.runs}, {@code -Dtessera.fuzz.seconds}, {@code -Dtessera.fuzz.only}).
 * Any input gives a result or a clear exception naming the file, within the timeout and allocation budget.
 */
class TrainerMutationTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyReaderSurvivesMutatedRealFiles() {
        MutationLoop loop = MutationLoop.fromProperties(300, 8);
        String only = System.getProperty("tessera.fuzz.only", "");
        return TrainerTargets.all().stream().filter(t -> t.name().contains(only)).map(t -> DynamicTest.dynamicTest(t.name(), () -> {
            MutationLoop.Report r = loop.run(t, work);
            System.out.printf("fuzz %-50s %6d inputs %5.1f s %d findings%n", r.target(), r.executions(), r.took().toMillis() / 1e3,
                    r.findings().size());
            assertTrue(r.findings().isEmpty(), r.findings().size() + " findings in " + r.executions() + " inputs:\n"
                    + String.join("\n", r.findings().stream().limit(10).map(Object::toString).toList()));
        }));
    }
}
