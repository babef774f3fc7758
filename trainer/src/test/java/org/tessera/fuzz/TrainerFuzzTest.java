package org.tessera.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.tessera.testkit.fuzz.FuzzTarget;
import org.tessera.testkit.fuzz.JazzerSeeds;

/**
 * Jazzer's coverage-guided fuzzing of the trainer's readers ({@code scripts/fuzz}); in a plain test run, regression
 * mode replays {@code src/test/resources/org/tessera/fuzz/TrainerFuzzTestInputs/<method>/}. One method per target.
 */
class TrainerFuzzTest {
    /** Method name to target: {@link JazzerSeeds} seeds each method's corpus from it and checks none is missing. */
    static final Map<String, FuzzTarget> TARGETS = Map.ofEntries(
            Map.entry("bundleManifest", TrainerTargets.BUNDLE_MANIFEST),
            Map.entry("expressionImport", TrainerTargets.EXPRESSION),
            Map.entry("clinicalImport", TrainerTargets.CLINICAL));

    @BeforeAll
    static void seedCorpus() throws IOException {
        JazzerSeeds.prepare(TrainerFuzzTest.class, TARGETS);
    }

    @FuzzTest
    void bundleManifest(byte[] input) throws Exception {
        TARGETS.get("bundleManifest").fuzz(input);
    }

    @FuzzTest
    void expressionImport(byte[] input) throws Exception {
        TARGETS.get("expressionImport").fuzz(input);
    }

    @FuzzTest
    void clinicalImport(byte[] input) throws Exception {
        TARGETS.get("clinicalImport").fuzz(input);
    }
}
