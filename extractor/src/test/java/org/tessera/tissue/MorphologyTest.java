package org.tessera.tissue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The row-wise disks and the run-based cleaning equal the old per-pixel code ({@link TissueReference}). */
class MorphologyTest {
    private static final double[] DENSITIES = {0.05, 0.5, 0.95};

    @Test
    void dilationAndErosionEqualThePrefixCountReference() {
        RandomMasks.forEach(1, DENSITIES, (in, w, h, what) -> {
            for (int radius = 0; radius <= 5; radius++) {
                for (boolean dilate : new boolean[] {true, false}) {
                    boolean[] out = new boolean[in.length];
                    Morphology.disk(in, out, w, h, radius, dilate);
                    assertArrayEquals(TissueReference.disk(in, w, h, radius, dilate), out,
                            (dilate ? "dilation " : "erosion ") + what + " radius " + radius);
                }
            }
        });
    }

    @Test
    void smallObjectsAndHolesEqualTheFloodFillReference() {
        RandomMasks.forEach(2, DENSITIES, (in, w, h, what) -> {
            for (int limit : new int[] {0, 1, 2, 5, 25, 400}) {
                boolean[] objects = in.clone();
                Morphology.removeSmallObjects(objects, w, h, limit);
                assertArrayEquals(TissueReference.removeSmallObjects(in, w, h, limit), objects,
                        "objects below " + limit + " in " + what);
                boolean[] holes = in.clone();
                Morphology.fillSmallHoles(holes, w, h, limit);
                assertArrayEquals(TissueReference.fillSmallHoles(in, w, h, limit), holes,
                        "holes below " + limit + " in " + what);
            }
        });
    }

    @Test
    void diskRefusesToWorkInPlace() {
        boolean[] m = new boolean[6];
        assertThrows(IllegalArgumentException.class, () -> Morphology.disk(m, m, 3, 2, 1, true));
        assertThrows(IllegalArgumentException.class, () -> Morphology.disk(m, new boolean[6], 2, 2, 1, true));
    }
}
