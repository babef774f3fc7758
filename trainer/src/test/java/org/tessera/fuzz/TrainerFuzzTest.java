package org.tessera.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer's coverage-guided fuzzing of the trainer's readers ({@code scripts/fuzz}); in a plain test run, regression
 * mode replays {@code src/test/resources/org/tessera/fuzz/TrainerFuzzTestInputs/<method>/}. One method per target.
 */
class TrainerFuzzTest {
    @FuzzTest
    void bundleManifest(byte[] input) throws Exception {
        TrainerTargets.BUNDLE_MANIFEST.fuzz(input);
    }

    @FuzzTest
    void expressionImport(byte[] input) throws Exception {
        TrainerTargets.EXPRESSION.fuzz(input);
    }

    @FuzzTest
    void clinicalImport(byte[] input) throws Exception {
        TrainerTargets.CLINICAL.fuzz(input);
    }
}
