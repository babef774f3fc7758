package org.tessera.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer's coverage-guided fuzzing of the extractor's readers: {@code scripts/fuzz [seconds]} runs each method with
 * {@code JAZZER_FUZZ=1}, seeded from {@code ../shared}. In a plain test run Jazzer's regression mode replays the
 * inputs under {@code src/test/resources/org/tessera/fuzz/ExtractorFuzzTestInputs/<method>/} (reproducers of fixed
 * findings). One method per target, named like the target.
 */
class ExtractorFuzzTest {
    @FuzzTest
    void backboneCard(byte[] input) throws Exception {
        ExtractorTargets.BACKBONE_CARD.fuzz(input);
    }

    @FuzzTest
    void legacyStCounts(byte[] input) throws Exception {
        ExtractorTargets.named("legacy-st/counts.tsv").fuzz(input);
    }

    @FuzzTest
    void legacyStSelection(byte[] input) throws Exception {
        ExtractorTargets.named("legacy-st/selection.tsv").fuzz(input);
    }

    @FuzzTest
    void visiumMtxMatrix(byte[] input) throws Exception {
        ExtractorTargets.named("visium-mtx/filtered_feature_bc_matrix/matrix.mtx").fuzz(input);
    }

    @FuzzTest
    void visiumMtxFeatures(byte[] input) throws Exception {
        ExtractorTargets.named("visium-mtx/filtered_feature_bc_matrix/features.tsv").fuzz(input);
    }

    @FuzzTest
    void visiumPositions(byte[] input) throws Exception {
        ExtractorTargets.named("visium-mtx/spatial/tissue_positions.csv").fuzz(input);
    }

    @FuzzTest
    void visiumScalefactors(byte[] input) throws Exception {
        ExtractorTargets.named("visium-mtx/spatial/scalefactors_json.json").fuzz(input);
    }

    @FuzzTest
    void visiumH5(byte[] input) throws Exception {
        ExtractorTargets.VISIUM_H5.fuzz(input);
    }

    @FuzzTest
    void imageJpeg(byte[] input) throws Exception {
        ExtractorTargets.named("image/jpeg").fuzz(input);
    }

    @FuzzTest
    void imagePng(byte[] input) throws Exception {
        ExtractorTargets.named("image/png").fuzz(input);
    }

    @FuzzTest
    void openSlideSvs(byte[] input) throws Exception {
        ExtractorTargets.SVS_DIRECTORY.fuzz(input);
    }
}
