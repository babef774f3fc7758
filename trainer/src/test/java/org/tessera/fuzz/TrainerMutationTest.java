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
 * The short fuzzing run of the trainer's readers in every test run: real seeds, then seeded mutations (default
 * 300 per target or 8 s; {@code -Dtessera.fuzz.runs}, {@code -Dtessera.fuzz.seconds}, {@code -Dtessera.fuzz.only}).
 * Any input gives a result or a clear exception naming the file, within the timeout and allocation budget.
 */
class TrainerMutationTest {
    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyReaderSurvivesMutatedRealFiles() throws IOException {
        return MutationLoop.fromProperties(300, 8).tests(TrainerTargets.all(), JazzerSeeds.regressionInputs(TrainerFuzzTest.class, TrainerFuzzTest.TARGETS), work);
    }
}
