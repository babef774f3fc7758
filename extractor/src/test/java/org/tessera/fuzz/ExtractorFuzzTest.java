package org.tessera.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.tessera.testkit.fuzz.FuzzTarget;
import org.tessera.testkit.fuzz.JazzerSeeds;

/**
 * Jazzer's coverage-guided fuzzing of the extractor's readers: {@code scripts/fuzz [seconds]} runs each method with
 * {@code JAZZER_FUZZ=1}, seeded from {@code ../shared}. In a plain test run Jazzer's regression mode replays the
 * inputs under {@code src/test/resources/org/tessera/fuzz/ExtractorFuzzTestInputs/<method>/} (reproducers of fixed
 * findings). One method per target, named like the target.
 */
class ExtractorFuzzTest {
    /** Method name to target: {@link JazzerSeeds} seeds each method's corpus from it and checks none is missing. */
    static final Map<String, FuzzTarget> TARGETS = Map.ofEntries(
            Map.entry("backboneCard", ExtractorTargets.BACKBONE_CARD),
            Map.entry("legacyStCounts", ExtractorTargets.named("legacy-st/counts.tsv")),
            Map.entry("legacyStSelection", ExtractorTargets.named("legacy-st/selection.tsv")),
            Map.entry("visiumMtxMatrix", ExtractorTargets.named("visium-mtx/filtered_feature_bc_matrix/matrix.mtx")),
            Map.entry("visiumMtxFeatures", ExtractorTargets.named("visium-mtx/filtered_feature_bc_matrix/features.tsv")),
            Map.entry("visiumMtxBarcodes", ExtractorTargets.named("visium-mtx/filtered_feature_bc_matrix/barcodes.tsv")),
            Map.entry("visiumPositions", ExtractorTargets.named("visium-mtx/spatial/tissue_positions.csv")),
            Map.entry("visiumScalefactors", ExtractorTargets.named("visium-mtx/spatial/scalefactors_json.json")),
            Map.entry("visiumH5", ExtractorTargets.VISIUM_H5),
            Map.entry("imageJpeg", ExtractorTargets.named("image/jpeg")),
            Map.entry("imagePng", ExtractorTargets.named("image/png")),
            Map.entry("imageTiff", ExtractorTargets.named("image/tiff")),
            Map.entry("openSlideSvs", ExtractorTargets.SVS_DIRECTORY),
            Map.entry("tiffDirectory", ExtractorTargets.TIFF_DIRECTORY),
            Map.entry("geoJson", ExtractorTargets.GEOJSON));

    @BeforeAll
    static void seedCorpus() throws IOException {
        JazzerSeeds.prepare(ExtractorFuzzTest.class, TARGETS);
    }

    @FuzzTest
    void backboneCard(byte[] input) throws Exception {
        TARGETS.get("backboneCard").fuzz(input);
    }

    @FuzzTest
    void legacyStCounts(byte[] input) throws Exception {
        TARGETS.get("legacyStCounts").fuzz(input);
    }

    @FuzzTest
    void legacyStSelection(byte[] input) throws Exception {
        TARGETS.get("legacyStSelection").fuzz(input);
    }

    @FuzzTest
    void visiumMtxMatrix(byte[] input) throws Exception {
        TARGETS.get("visiumMtxMatrix").fuzz(input);
    }

    @FuzzTest
    void visiumMtxFeatures(byte[] input) throws Exception {
        TARGETS.get("visiumMtxFeatures").fuzz(input);
    }

    @FuzzTest
    void visiumMtxBarcodes(byte[] input) throws Exception {
        TARGETS.get("visiumMtxBarcodes").fuzz(input);
    }

    @FuzzTest
    void visiumPositions(byte[] input) throws Exception {
        TARGETS.get("visiumPositions").fuzz(input);
    }

    @FuzzTest
    void visiumScalefactors(byte[] input) throws Exception {
        TARGETS.get("visiumScalefactors").fuzz(input);
    }

    @FuzzTest
    void visiumH5(byte[] input) throws Exception {
        TARGETS.get("visiumH5").fuzz(input);
    }

    @FuzzTest
    void imageJpeg(byte[] input) throws Exception {
        TARGETS.get("imageJpeg").fuzz(input);
    }

    @FuzzTest
    void imagePng(byte[] input) throws Exception {
        TARGETS.get("imagePng").fuzz(input);
    }

    @FuzzTest
    void imageTiff(byte[] input) throws Exception {
        TARGETS.get("imageTiff").fuzz(input);
    }

    @FuzzTest
    void openSlideSvs(byte[] input) throws Exception {
        TARGETS.get("openSlideSvs").fuzz(input);
    }

    @FuzzTest
    void tiffDirectory(byte[] input) throws Exception {
        TARGETS.get("tiffDirectory").fuzz(input);
    }

    @FuzzTest
    void geoJson(byte[] input) throws Exception {
        TARGETS.get("geoJson").fuzz(input);
    }
}
