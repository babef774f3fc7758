package org.tessera.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.fuzz.JazzerSeeds;
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
    Stream<DynamicTest> everyReaderSurvivesMutatedRealFiles() throws IOException {
        return MutationLoop.fromProperties(400, 4).tests(ExtractorTargets.all(),
                JazzerSeeds.regressionInputs(ExtractorFuzzTest.class, ExtractorFuzzTest.TARGETS), work);
    }
}
