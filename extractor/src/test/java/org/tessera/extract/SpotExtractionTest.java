package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.extract.Fixtures.MOBILENET;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.Backbone;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.ColourFeatures;
import org.tessera.backbone.DeviceChoice;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;
import org.tessera.tiling.Dihedral;
import org.tessera.tiling.SpotCentre;
import org.tessera.tiling.SpotPatchSpec;
import org.tessera.tiling.SpotPatches;
import org.tessera.tiling.Tile;

/** Spot-centred patches of real HER2ST sections, embedded through the extraction pipeline. */
class SpotExtractionTest {
    /**
     * scikit-image 0.19.3's deconvolution matrix on the 224 px patch of C2 spot 25x13 (112 um at 0.5 um/px; written
     * as PNG by TileReader.image), rgb2hed without its final clipping at 0; mean R,G,B,H,E,D then population std:
     * <pre>
     * python3 -c "import numpy as np; from skimage import io; from skimage.color import hed_from_rgb
     * img = io.imread('c2patch.png')[..., :3]; rgb = img.astype(np.float64)/255
     * hed = (np.log(np.maximum(rgb, 1e-6)) / np.log(1e-6)) @ hed_from_rgb
     * print(np.concatenate([rgb.reshape(-1,3).mean(0), hed.reshape(-1,3).mean(0), rgb.reshape(-1,3).std(0),
     *       hed.reshape(-1,3).std(0)]))"
     * </pre>
     */
    private static final double[] SKIMAGE_C2_25X13 = {0.6101443702480529, 0.5570675926620555, 0.6951985481691721,
        0.06958005068042604, -0.00486952314009372, 0.01308796427702135, 0.28336693249593947, 0.2300666932218688,
        0.19258164308846423, 0.07751779297993874, 0.01773841048378651, 0.0104130417802628};
    private static final SpotCentre C2_25X13 = new SpotCentre("C2", "25x13", 25, 13, 6930.58, 3510.24);

    @TempDir
    Path tmp;

    @Test
    void ttaEmbeddingIsTheMeanOfTheEightTransformedPatchesEmbeddedOneByOne() throws Exception {
        SpotPatchSpec spec = new SpotPatchSpec(112, 0.5, 8);
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            Fixtures.addBackbone(store, MOBILENET);
            String slideId = Her2stSpots.add(store, "C2", 3);
            Extractor extractor = Extractor.forSpots(store, ExtractionOptions.defaults(MOBILENET), spec);
            ExtractionReport first = extractor.run(store.slides().all(), p -> { });
            assertEquals(List.of(), first.failures());
            assertEquals(3, first.tilesEmbedded(), "one embedding per patch, whatever the variants");
            String tilingId = extractor.tilingId();
            Map<String, float[]> stored = spotVectors(store, MOBILENET, 8);
            assertEquals(List.of("C2/22x14", "C2/24x13", "C2/25x13").stream().sorted().toList(),
                    stored.keySet().stream().sorted().toList());

            List<Tile> tiles = store.tilings().tiles(slideId, tilingId);
            assertEquals(3, tiles.size());
            BackboneCard card = BackboneCard.builtin(MOBILENET);
            TilePreprocessor pre = TilePreprocessor.forCard(card);
            try (Slide slide = Slides.open(Shared.path("her2st/images/C2.jpg"), OptionalDouble.of(Her2stSpots.MPP));
                    Backbone backbone = Backbone.load(card, card.modelIn(Shared.path("models")), DeviceChoice.CPU)) {
                TileReader reader = new TileReader(slide, 0.5 / Her2stSpots.MPP, 224, UnaryOperator.identity(), pre);
                String spotId = spotOf(store, slideId, tilingId, tiles.get(0).index());
                BufferedImage patch = reader.image(tiles.get(0));
                double[] mean = new double[backbone.dimension()];
                float[] plain = null;
                for (int k = 0; k < Dihedral.COUNT; k++) {
                    float[] input = new float[pre.floatsPerTile()];
                    pre.write(Dihedral.apply(patch, k), input, 0);
                    float[] e = backbone.embed(input, 1);
                    plain = k == 0 ? e : plain;
                    for (int d = 0; d < mean.length; d++) {
                        mean[d] += e[d] / 8.0;
                    }
                }
                float[] tta = stored.get("C2/" + spotId);
                double maxDiff = 0;
                double fromPlain = 0;
                for (int d = 0; d < mean.length; d++) {
                    maxDiff = Math.max(maxDiff, Math.abs(tta[d] - mean[d]));
                    fromPlain = Math.max(fromPlain, Math.abs(tta[d] - plain[d]));
                }
                assertTrue(maxDiff < 1e-5, "stored TTA embedding vs mean of 8 single runs: max |diff| " + maxDiff);
                assertTrue(fromPlain > 1e-2, "TTA changes the embedding (max |diff| to the plain patch " + fromPlain + ")");
            }
            ExtractionReport again = extractor.run(store.slides().all(), p -> { });
            assertEquals(0, again.tilesEmbedded(), "a re-run embeds nothing");
            assertEquals(1, again.slidesSkipped());
        }
    }

    @Test
    void colourBaselineMatchesScikitImageOnARealPatch() throws Exception {
        try (Slide slide = Slides.open(Shared.path("her2st/images/C2.jpg"), OptionalDouble.of(Her2stSpots.MPP))) {
            Tile tile = SpotPatches.plan(List.of(C2_25X13), slide.levelDimensions(0), Her2stSpots.MPP, SpotPatchSpec.DEFAULT).get(0);
            ColourFeatures colour = new ColourFeatures(224);
            TileReader reader = new TileReader(slide, 0.5 / Her2stSpots.MPP, 224, UnaryOperator.identity(), colour.preprocessor());
            float[] f = colour.embed(reader.read(tile)[0], 1);
            for (int i = 0; i < 12; i++) {
                assertEquals(SKIMAGE_C2_25X13[i], f[i], 2e-6, "feature " + i);
            }
        }
    }

    @Test
    void colourBaselineIsStoredLikeABackboneWithAndWithoutMacenko() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            Her2stSpots.add(store, "C2", 5);
            ExtractionOptions options = ExtractionOptions.defaults(ColourFeatures.NAME);
            ExtractionReport plain = Extractor.forSpots(store, options, SpotPatchSpec.DEFAULT).run(store.slides().all(), p -> { });
            assertEquals(List.of(), plain.failures());
            Map<String, float[]> stored = spotVectors(store, ColourFeatures.NAME, 1);
            assertEquals(5, stored.size());
            float[] v = stored.get("C2/25x13");
            assertEquals(12, v.length);
            for (int i = 0; i < 12; i++) {
                assertEquals(SKIMAGE_C2_25X13[i], v[i], 2e-6, "stored feature " + i);
            }
            assertEquals(ColourFeatures.weightsSha256(), store.backbones().byName(ColourFeatures.NAME).orElseThrow().weightsSha256());

            ExtractionReport macenko = Extractor.forSpots(store, options.withMacenko(true), SpotPatchSpec.DEFAULT)
                    .run(store.slides().all(), p -> { });
            assertEquals(List.of(), macenko.failures());
            assertEquals(5, macenko.tilesEmbedded());
            assertEquals(10, Fixtures.count(store, "SELECT count(*) FROM spot_embeddings WHERE backbone = 'colour_baseline'"));
            assertEquals(2, Fixtures.count(store, "SELECT count(DISTINCT stain) FROM spot_embeddings"));
            float[] normalised = vectorWhere(store, "stain <> 'none' AND spot_id = '25x13'");
            assertNotEquals(v[3], normalised[3], "Macenko changes the haematoxylin density");
        }
    }

    @Test
    void colourBaselineAlsoEmbedsTissueTiles() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            SlideImporter.add(store, List.of(Fixtures.entry(Fixtures.cmu(), null)));
            ExtractionReport r = Fixtures.extract(store, Fixtures.options(ColourFeatures.NAME));
            assertEquals(List.of(), r.failures());
            long tiles = Fixtures.count(store, "SELECT count(*) FROM tiles");
            assertTrue(tiles > 0);
            assertEquals(tiles, Fixtures.count(store, "SELECT count(*) FROM tile_embeddings WHERE backbone = 'colour_baseline' "
                    + "AND len(vector) = 12"));
            // Mean red of a tissue tile lies in 0..1 and H density is positive on H&E.
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM tile_embeddings WHERE NOT (vector[1] BETWEEN 0 AND 1 "
                    + "AND vector[4] > 0)"));
        }
    }

    @Test
    void patchesPastTheImageEdgeArePaddedWithWhite() throws Exception {
        try (Slide slide = Slides.open(Shared.path("her2st/images/C2.jpg"), OptionalDouble.of(Her2stSpots.MPP))) {
            SpotCentre nearEdge = new SpotCentre("C2", "edge", 0, 0, 20, 3510.24);
            Tile tile = SpotPatches.plan(List.of(nearEdge), slide.levelDimensions(0), Her2stSpots.MPP, SpotPatchSpec.DEFAULT).get(0);
            assertTrue(tile.x() < 0 && tile.tissueFraction() < 1, tile.toString());
            TileReader reader = new TileReader(slide, 0.5 / Her2stSpots.MPP, 224, UnaryOperator.identity(),
                    TilePreprocessor.rawRgb(224));
            BufferedImage image = reader.image(tile);
            assertEquals(224, image.getWidth());
            int whiteColumns = (int) Math.round(-tile.x() * 224.0 / tile.width());
            for (int y = 0; y < 224; y += 7) {
                assertEquals(0xFFFFFF, image.getRGB(whiteColumns - 2, y) & 0xFFFFFF, "padding at y " + y);
            }
            // The part inside the image is the image: same pixels as the unpadded read of that part.
            Tile inside = new Tile(0, 0, 0, 0, tile.y(), tile.x() + tile.width(), tile.height(), 1);
            org.tessera.tiling.TileRead read = org.tessera.tiling.TileRead.plan(inside, 0.5 / Her2stSpots.MPP, slide);
            BufferedImage direct = org.tessera.tiling.TileResampler.resample(slide.readRegion(read.x(), read.y(), read.level(),
                    read.width(), read.height()), read.exactWidth(), read.exactHeight(), 224 - whiteColumns, 224);
            assertArrayEquals(direct.getRGB(0, 0, 224 - whiteColumns, 224, null, 0, 224 - whiteColumns),
                    image.getRGB(whiteColumns, 0, 224 - whiteColumns, 224, null, 0, 224 - whiteColumns));
        }
    }

    /** Vectors of spot_embeddings for a backbone and tta, keyed "section/spot". */
    static Map<String, float[]> spotVectors(FeatureStore store, String backbone, int tta) throws Exception {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (PreparedStatement p = store.connection().prepareStatement("SELECT section, spot_id, vector FROM spot_embeddings "
                + "WHERE backbone = ? AND tta = ? AND stain = 'none' ORDER BY section, spot_id")) {
            p.setString(1, backbone);
            p.setInt(2, tta);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    float[] previous = out.put(r.getString(1) + "/" + r.getString(2), Fixtures.floats(r.getArray(3)));
                    assertEquals(null, previous, "one row per spot");
                }
            }
        }
        return out;
    }

    private static float[] vectorWhere(FeatureStore store, String where) throws Exception {
        try (PreparedStatement p = store.connection().prepareStatement("SELECT vector FROM spot_embeddings WHERE " + where);
                ResultSet r = p.executeQuery()) {
            assertTrue(r.next(), where);
            return Fixtures.floats(r.getArray(1));
        }
    }

    private static String spotOf(FeatureStore store, String slideId, String tilingId, int tileIndex) throws Exception {
        try (PreparedStatement p = store.connection().prepareStatement("SELECT spot_id FROM spot_patches WHERE slide_id = ? "
                + "AND tiling_id = ? AND tile_index = ?")) {
            p.setString(1, slideId);
            p.setString(2, tilingId);
            p.setInt(3, tileIndex);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next());
                return r.getString(1);
            }
        }
    }
}
