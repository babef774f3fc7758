package org.tessera.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessera.slide.Dimensions;
import org.tessera.tissue.TissueMask;

/**
 * Grid geometry. Expected counts and rectangles come from a brute-force Python enumeration of the rule in
 * the package comment ({@code /usr/bin/python3 grid_ref.py}: column i spans
 * {@code [round(i*s*k), round((i*s+t)*k))}, kept while the end is {@code <=} the length, round = floor(v+0.5)),
 * which printed:
 * <pre>
 * 2220x2967@0.499 tile 224@0.5 stride 224: cols 9 rows 13 first [(0, 224), (224, 225), (449, 224)] last col (1796, 224) last row (2693, 225)
 * 2220x2967@0.499 tile 512@0.5 stride 512: cols 4 rows 5 first [(0, 513), (513, 513), (1026, 513)] last col (1539, 513) last row (2052, 513)
 * 2220x2967@0.499 tile 256@1.0 stride 256: cols 4 rows 5 (same rectangles as 512@0.5)
 * 9272x9923@0.69 tile 224@0.5 stride 224: cols 57 rows 61 first [(0, 162), (162, 163), (325, 162)] last col (9090, 162) last row (9739, 162)
 * 2220x2967@0.499 tile 224@0.5 stride 112: cols 18 rows 25 first [(0, 224), (112, 225), (224, 225)] last col (1908, 224) last row (2693, 225)
 * 2220x2967@0.499 tile 224@0.5 stride 448: cols 5 rows 7 first [(0, 224), (449, 224), (898, 224)] last col (1796, 224) last row (2693, 225)
 * </pre>
 * By hand for the first: scale = 0.5/0.499 = 1.002004, a tile is 224.449 level-0 px, 2220/224.449 = 9.89
 * and 2967/224.449 = 13.22, so 9 x 13 whole tiles.
 */
class TileGridTest {
    private static final Dimensions CMU = new Dimensions(2220, 2967);
    private static final Dimensions HER2ST = new Dimensions(9272, 9923);

    private static TileGrid all(Dimensions d, double mpp, TilingSpec spec) {
        return TileGrid.plan(d, mpp, spec, TissueMask.everywhere(d));
    }

    @Test
    void cmu224At05HasNineByThirteenTilesSharingEdges() {
        TileGrid g = all(CMU, 0.499, TilingSpec.of(224, 0.5));
        assertEquals(9, g.columns());
        assertEquals(13, g.rows());
        assertEquals(117, g.tiles().size());
        assertRect(g, 0, 0, 0, 0, 224, 224);
        assertRect(g, 1, 0, 224, 0, 225, 224);
        assertRect(g, 2, 0, 449, 0, 224, 224);
        assertRect(g, 8, 12, 1796, 2693, 224, 225);
        assertEdgesShared(g);
        assertInside(g, CMU);
    }

    @Test
    void cmu512At05AndSameMicronsAt1umAgree() {
        TileGrid a = all(CMU, 0.499, TilingSpec.of(512, 0.5));
        TileGrid b = all(CMU, 0.499, TilingSpec.of(256, 1.0));
        for (TileGrid g : List.of(a, b)) {
            assertEquals(4, g.columns());
            assertEquals(5, g.rows());
            assertRect(g, 1, 0, 513, 0, 513, 513);
            assertRect(g, 3, 4, 1539, 2052, 513, 513);
            assertEdgesShared(g);
            assertInside(g, CMU);
        }
    }

    @Test
    void her2st224At05HasFiftySevenBySixtyOneTiles() {
        TileGrid g = all(HER2ST, 0.69, TilingSpec.of(224, 0.5));
        assertEquals(57, g.columns());
        assertEquals(61, g.rows());
        assertEquals(57 * 61, g.tiles().size());
        assertRect(g, 1, 0, 162, 0, 163, 162);
        assertRect(g, 2, 0, 325, 0, 162, 162);
        assertRect(g, 56, 60, 9090, 9739, 162, 162);
        assertEquals(224 * 0.5 / 0.69, g.tileSizeLevel0(), 1e-9);
        assertEdgesShared(g);
        assertInside(g, HER2ST);
    }

    @Test
    void strideBelowTileOverlaps() {
        TileGrid g = all(CMU, 0.499, new TilingSpec(224, 0.5, 112, 0.5));
        assertEquals(18, g.columns());
        assertEquals(25, g.rows());
        assertRect(g, 1, 0, 112, 0, 225, 224);
        assertRect(g, 17, 24, 1908, 2693, 224, 225);
        Tile t0 = tile(g, 0, 0);
        Tile t1 = tile(g, 1, 0);
        assertEquals(112, t0.x() + t0.width() - t1.x(), "half a tile of overlap");
        assertInside(g, CMU);
    }

    @Test
    void strideAboveTileLeavesGaps() {
        TileGrid g = all(CMU, 0.499, new TilingSpec(224, 0.5, 448, 0.5));
        assertEquals(5, g.columns());
        assertEquals(7, g.rows());
        assertRect(g, 1, 0, 449, 0, 224, 224);
        assertRect(g, 4, 6, 1796, 2693, 224, 225);
        Tile t0 = tile(g, 0, 0);
        Tile t1 = tile(g, 1, 0);
        assertEquals(225, t1.x() - (t0.x() + t0.width()), "a gap of about one tile");
        assertInside(g, CMU);
    }

    @Test
    void slideSmallerThanATileHasNoTiles() {
        TileGrid g = all(new Dimensions(200, 5000), 0.5, TilingSpec.of(224, 0.5));
        assertEquals(0, g.columns());
        assertEquals(22, g.rows());
        assertTrue(g.tiles().isEmpty());
    }

    @Test
    void onlyTilesWithEnoughTissueAreKeptWithStableIndices() {
        // mask 10x10 at downsample 224 on a 2240x2240 slide at 0.5 um/px: left half tissue, plus pixel (7,2)
        BitSet bits = new BitSet();
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 5; x++) {
                bits.set(y * 10 + x);
            }
        }
        bits.set(2 * 10 + 7);
        Dimensions d = new Dimensions(2240, 2240);
        TissueMask mask = TissueMask.of(10, 10, 224, bits);
        TileGrid g = TileGrid.plan(d, 0.5, new TilingSpec(224, 0.5, 224, 0.5), mask);
        assertEquals(10, g.columns());
        assertEquals(51, g.tiles().size());
        Tile lone = g.tiles().stream().filter(t -> t.col() == 7).findFirst().orElseThrow();
        assertEquals(2 * 10 + 7, lone.index());
        assertEquals(1.0, lone.tissueFraction(), 1e-12);
        for (int i = 1; i < g.tiles().size(); i++) {
            assertTrue(g.tiles().get(i).index() > g.tiles().get(i - 1).index(), "row-major order");
        }
        // a half-tile stride puts tile col 9 (x 1008..1232) across the tissue edge at 1120: exactly half tissue
        TileGrid half = TileGrid.plan(d, 0.5, new TilingSpec(224, 0.5, 112, 0.5), mask);
        Tile edge = half.tiles().stream().filter(t -> t.row() == 0 && t.col() == 9).findFirst().orElseThrow();
        assertEquals(0.5, edge.tissueFraction(), 1e-12);
        assertTrue(half.tiles().stream().noneMatch(t -> t.row() == 0 && t.col() == 10), "x 1120..1344 has none");
    }

    private static Tile tile(TileGrid g, int col, int row) {
        return g.tiles().stream().filter(t -> t.col() == col && t.row() == row).findFirst().orElseThrow();
    }

    private static void assertRect(TileGrid g, int col, int row, long x, long y, long w, long h) {
        Tile t = tile(g, col, row);
        assertEquals(row * g.columns() + col, t.index());
        assertEquals(List.of(x, y, w, h), List.of(t.x(), t.y(), t.width(), t.height()), "tile " + col + "," + row);
    }

    /** With stride == tile, each tile's right/bottom edge is exactly its neighbour's left/top edge. */
    private static void assertEdgesShared(TileGrid g) {
        for (Tile t : g.tiles()) {
            if (t.col() + 1 < g.columns()) {
                Tile right = tile(g, t.col() + 1, t.row());
                assertEquals(t.x() + t.width(), right.x(), "gap or overlap right of " + t);
                assertEquals(t.y(), right.y());
                assertEquals(t.height(), right.height());
            }
            if (t.row() + 1 < g.rows()) {
                Tile below = tile(g, t.col(), t.row() + 1);
                assertEquals(t.y() + t.height(), below.y(), "gap or overlap below " + t);
            }
        }
    }

    private static void assertInside(TileGrid g, Dimensions d) {
        for (Tile t : g.tiles()) {
            assertTrue(t.x() >= 0 && t.y() >= 0 && t.x() + t.width() <= d.width() && t.y() + t.height() <= d.height(),
                    t + " outside " + d);
        }
    }
}
