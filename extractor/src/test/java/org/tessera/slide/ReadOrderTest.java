package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tessera.tiling.ReadOrder;
import org.tessera.tiling.Tile;

/**
 * Reading a grid in strips ({@link ReadOrder}) decodes fewer stored tiles than reading it row-major once a patch
 * row touches more stored tiles than the slide's cache holds. CMU-1-Small-Region is 10 x 13 stored tiles of
 * 240 px; a cache of 12 of them stands in for a 32 MB cache on a slide 20 times wider.
 */
class ReadOrderTest {
    private static final int SIDE = 224;

    @Test
    void stripsDecodeFewerStoredTilesThanRowMajorWithASmallCache() throws Exception {
        List<Tile> grid = new ArrayList<>();
        for (int row = 0; (row + 1) * SIDE <= 2967; row++) {
            for (int col = 0; (col + 1) * SIDE <= 2220; col++) {
                grid.add(new Tile(grid.size(), col, row, (long) col * SIDE, (long) row * SIDE, SIDE, SIDE, 1));
            }
        }
        long rowMajor = decodes(grid, IntStream.range(0, grid.size()).toArray());
        long strips = decodes(grid, ReadOrder.strips(grid, 2));
        // Every one of the 9 x 13 patches lies within stored columns 0..8 and rows 0..12: 117 distinct stored tiles.
        assertTrue(strips < rowMajor, "strips " + strips + ", row-major " + rowMajor);
        assertTrue(strips <= 117 * 3 / 2, "strips decode each stored tile about once (boundary columns twice): " + strips);
        assertTrue(rowMajor >= 117 + 12 * 9 / 2, "row-major re-decodes shared stored rows: " + rowMajor);
    }

    @Test
    void stripsAreColumnsOfTilesThenRowsThenColumns() {
        List<Tile> grid = new ArrayList<>();
        for (int row = 0; row < 2; row++) {
            for (int col = 0; col < 3; col++) {
                grid.add(new Tile(grid.size(), col, row, col * 100L, row * 100L, 100, 100, 1));
            }
        }
        // strips of 2 tiles: columns {0,1} then {2}
        assertArrayEquals(new int[] {0, 1, 3, 4, 2, 5}, ReadOrder.strips(grid, 2));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, ReadOrder.strips(grid, 8));
    }

    private static long decodes(List<Tile> grid, int[] order) throws Exception {
        Slide slide = DirectJpegSlide.wrap(OpenSlideSlide.open(OpenSlideSlideMetadataTest.cmu(), OptionalDouble.empty()), s -> { },
                12L * 240 * 240 * 4);
        try (slide) {
            DirectJpegSlide direct = assertInstanceOf(DirectJpegSlide.class, slide);
            long before = direct.tilesDecoded();
            for (int i : order) {
                Tile t = grid.get(i);
                direct.readRegion(t.x(), t.y(), 0, SIDE, SIDE);
            }
            assertEquals(0, direct.readsDelegated());
            return direct.tilesDecoded() - before;
        }
    }
}
