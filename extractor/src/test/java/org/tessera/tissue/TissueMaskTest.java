package org.tessera.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.tessera.slide.Dimensions;

/** The exact area weighting of {@link TissueMask#fraction}, on masks small enough to check by hand. */
class TissueMaskTest {

    /** 4x3 mask, downsample 10: tissue at (1,0), (2,0), (1,1), (2,1), (3,2). */
    private static TissueMask mask() {
        BitSet b = new BitSet();
        for (int[] p : new int[][] {{1, 0}, {2, 0}, {1, 1}, {2, 1}, {3, 2}}) {
            b.set(p[1] * 4 + p[0]);
        }
        return TissueMask.of(4, 3, 10.0, b);
    }

    @Test
    void wholePixelsCount() {
        TissueMask m = mask();
        assertEquals(5, m.tissuePixels());
        assertEquals(5.0 / 12, m.tissueFraction(), 1e-12);
        assertEquals(1.0, m.fraction(10, 0, 20, 20), 1e-12); // exactly the 2x2 block
        assertEquals(0.5, m.fraction(0, 0, 40, 20), 1e-12); // 4 of 8 pixels
    }

    @Test
    void partialPixelsAreAreaWeighted() {
        TissueMask m = mask();
        // x 5..15, y 0..10: half of pixel (0,0) (background) and half of (1,0) (tissue)
        assertEquals(0.5, m.fraction(5, 0, 10, 10), 1e-12);
        // x 25..35, y 15..25: quarters of (2,1) T, (3,1) B, (2,2) B, (3,2) T
        assertEquals(0.5, m.fraction(25, 15, 10, 10), 1e-12);
        // x 17..20, y 3..4 lies inside pixel (1,0)
        assertEquals(1.0, m.fraction(17, 3, 3, 1), 1e-12);
        // x 28..33, y 0..20: 2/5 of the width in column 2 (tissue), 3/5 in column 3 (background)
        assertEquals(0.4, m.fraction(28, 0, 5, 20), 1e-12);
    }

    @Test
    void areaOutsideTheMaskIsBackground() {
        TissueMask m = mask();
        // x 30..50 over row 2: pixel (3,2) is tissue, x 40..50 is outside the 40-px-wide mask
        assertEquals(0.5, m.fraction(30, 20, 20, 10), 1e-12);
        assertEquals(0.0, m.fraction(100, 100, 10, 10), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> m.fraction(0, 0, 0, 10));
    }

    @Test
    void everywhereCoversTheWholeSlide() {
        TissueMask all = TissueMask.everywhere(new Dimensions(2220, 2967));
        assertEquals(1.0, all.fraction(0, 0, 2220, 2967), 1e-12);
        assertEquals(1.0, all.fraction(2000, 2700, 220, 267), 1e-12);
    }

    @Test
    void bitsAreCopiedIn() {
        BitSet b = new BitSet();
        b.set(0);
        TissueMask m = TissueMask.of(2, 2, 1.0, b);
        b.set(1);
        assertEquals(1, m.tissuePixels());
        assertTrue(m.isTissue(0, 0));
        assertEquals(b.get(0), m.toBitSet().get(0));
    }
}
