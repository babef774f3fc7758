package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.extract.Fixtures.MOBILENET;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.ColourFeatures;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;

/** Several backbones in one run: each tile read once, the same vectors as one run per backbone. */
class MultiBackboneTest {
    private static final String INCEPTION = "inception_v3_mixed5_imagenet";

    @TempDir
    Path tmp;

    @Test
    void twoBackbonesInOneRunGiveTheSameVectorsAsTwoRunsWithHalfTheTileReads() throws Exception {
        Map<String, float[]> separate;
        long separateReads;
        long tiles;
        try (FeatureStore store = store(tmp.resolve("separate"))) {
            List<SlideRecord> cmu = cmu(store);
            ExtractionReport a = new Extractor(store, Fixtures.options(MOBILENET)).run(cmu, p -> { });
            ExtractionReport b = new Extractor(store, Fixtures.options(INCEPTION)).run(cmu, p -> { });
            assertTrue(a.ok() && b.ok(), a.failures() + " " + b.failures());
            tiles = a.tilesEmbedded();
            assertEquals(tiles, a.tileReads(), "one read per tile and backbone when run apart");
            separateReads = a.tileReads() + b.tileReads();
            separate = Fixtures.embeddings(store);
        }
        try (FeatureStore store = store(tmp.resolve("together"))) {
            ExtractionReport both = new Extractor(store, Fixtures.options(MOBILENET).withBackbones(List.of(MOBILENET, INCEPTION)))
                    .run(cmu(store), p -> { });
            assertTrue(both.ok(), both.failures().toString());
            assertEquals(2 * tiles, both.tilesEmbedded());
            assertEquals(tiles, both.tileReads(), "each tile read once for both backbones");
            assertEquals(separateReads, 2 * both.tileReads(), "half the reads of two runs");
            assertEquals(tiles, both.preprocessed(), "both cards normalise alike: one preprocessing per tile");
            assertEquals(List.of(MOBILENET, INCEPTION), both.backbones().stream().map(ExtractionReport.BackboneRun::backbone).toList());
            assertEquals(2, Fixtures.count(store, "SELECT count(DISTINCT run_id) FROM extraction_runs WHERE slides_extracted = 1"),
                    "one extraction_runs row per backbone");
            Map<String, float[]> together = Fixtures.embeddings(store);
            assertEquals(separate.keySet(), together.keySet());
            for (var e : separate.entrySet()) {
                assertArrayEquals(e.getValue(), together.get(e.getKey()), 1e-5f, e.getKey());
            }
        }
    }

    @Test
    void aSlideDoneForOneBackboneRunsOnlyTheMissingOne() throws Exception {
        try (FeatureStore store = store(tmp.resolve("s"))) {
            ExtractionReport first = new Extractor(store, Fixtures.options(MOBILENET)).run(cmu(store), p -> { });
            ExtractionReport both = Fixtures.extract(store, Fixtures.options(MOBILENET).withBackbones(List.of(MOBILENET,
                    ColourFeatures.NAME)));
            assertTrue(both.ok(), both.failures().toString());
            ExtractionReport.BackboneRun mobilenet = both.backbones().get(0);
            ExtractionReport.BackboneRun colour = both.backbones().get(1);
            assertEquals(1, mobilenet.slidesSkipped(), "CMU already has its MobileNet set");
            assertEquals(1, mobilenet.slidesExtracted(), "only the TCGA slide for MobileNet");
            assertEquals(2, colour.slidesExtracted());
            long tcgaTiles = mobilenet.tilesEmbedded();
            assertEquals(first.tilesEmbedded() + tcgaTiles, colour.tilesEmbedded());
            assertEquals(colour.tilesEmbedded(), both.tileReads(), "every tile of both slides read once");
            // The colour baseline works on raw RGB at the tile size: its own preprocessing; MobileNet's only for TCGA.
            assertEquals(both.tileReads() + tcgaTiles, both.preprocessed());
            ExtractionReport again = Fixtures.extract(store, Fixtures.options(MOBILENET).withBackbones(List.of(MOBILENET,
                    ColourFeatures.NAME)));
            assertEquals(0, again.inferenceBatches());
            assertEquals(0, again.tileReads());
            assertEquals(2, again.slidesSkipped());
        }
    }

    @Test
    void cardsThatNormaliseAlikeShareAPreprocessor() throws Exception {
        TilePreprocessor mobilenet = TilePreprocessor.forCard(BackboneCard.builtin(MOBILENET));
        TilePreprocessor inception = TilePreprocessor.forCard(BackboneCard.builtin(INCEPTION));
        assertEquals(mobilenet, inception);
        assertEquals(mobilenet.hashCode(), inception.hashCode());
        assertNotEquals(mobilenet, TilePreprocessor.rawRgb(224), "other mean and std");
        assertNotEquals(TilePreprocessor.rawRgb(224), TilePreprocessor.rawRgb(448), "other size");
    }

    private static FeatureStore store(Path dir) throws Exception {
        FeatureStore store = Fixtures.twoSlides(dir);
        Fixtures.addBackbone(store, INCEPTION);
        return store;
    }

    private static List<SlideRecord> cmu(FeatureStore store) throws Exception {
        return store.slides().all().stream().filter(s -> s.name().startsWith("CMU")).toList();
    }
}
