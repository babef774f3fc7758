package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.ColourFeatures;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Sharpness;
import org.tessera.tiling.Tile;

/**
 * Tile sharpness measured by the reader threads on the tiles they read for the backbones (no second read when the
 * grid is made), on CMU-1-Small-Region: the same values as each tile read on its own, before stain normalisation,
 * with the preview written once they are known.
 */
class GridSharpnessTest {
    @TempDir
    Path tmp;

    @Test
    void sharpnessMeasuredWhileReadingEqualsEachTileReadOnItsOwnBeforeStainNormalisation() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            assertTrue(SlideImporter.add(store, List.of(Fixtures.entry(Fixtures.cmu(), null))).failures().isEmpty());
            // Macenko changes the pixels the backbone sees; sharpness is EMO's, on the tile as scanned.
            ExtractionReport report = Fixtures.extract(store, Fixtures.options(ColourFeatures.NAME).withMacenko(true));
            assertTrue(report.ok(), report.failures().toString());
            SlideRecord record = store.slides().all().get(0);
            String tilingId;
            String preview;
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT tiling_id, preview_path FROM tile_grids")) {
                assertTrue(r.next());
                tilingId = r.getString(1);
                preview = r.getString(2);
            }
            List<Tile> tiles = store.tilings().tiles(record.slideId(), tilingId);
            assertEquals(report.tileReads(), tiles.size(), "each tile read once, by the readers");
            double[] expected;
            try (Slide slide = Slides.open(Fixtures.cmu(), OptionalDouble.empty())) {
                expected = Sharpness.ofTiles(slide, tiles, Fixtures.LARGE_TILES.mpp() / record.mpp(), Fixtures.LARGE_TILES.tilePx());
            }
            double[] stored = new double[tiles.size()];
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT sharpness FROM tile_sharpness ORDER BY tile_index")) {
                for (int i = 0; i < stored.length; i++) {
                    assertTrue(r.next());
                    stored[i] = r.getDouble(1);
                }
                assertTrue(!r.next());
            }
            assertEquals(tiles, tiles.stream().sorted(java.util.Comparator.comparingInt(Tile::index)).toList());
            assertArrayEquals(expected, stored);
            assertTrue(Files.size(store.resolve(preview)) > 0, preview);
        }
    }
}
