package org.tessera.tissue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Run-based labelling gives the flood fill's labels (same numbers, in the raster order of each component's
 * first pixel), sizes and border flags.
 */
class ComponentsTest {

    @Test
    void labelsSizesAndBorderFlagsEqualTheFloodFill() {
        RandomMasks.forEach(3, new double[] {0.05, 0.3, 0.5, 0.7, 0.95}, (mask, w, h, what) -> {
            for (boolean value : new boolean[] {true, false}) {
                for (boolean eight : new boolean[] {true, false}) {
                    assertSameComponents(mask, w, h, value, eight, what);
                }
            }
        });
    }

    @Test
    void aSpiralIsOneComponentWhoseRunsJoinLate() {
        // a spiral's runs meet their component only rows later: union-find must merge the early roots
        int n = 41;
        boolean[] mask = new boolean[n * n];
        int x0 = 0;
        int y0 = 0;
        int x1 = n - 1;
        int y1 = n - 1;
        while (x0 <= x1 && y0 <= y1) {
            for (int x = x0; x <= x1; x++) {
                mask[y0 * n + x] = true;
            }
            for (int y = y0; y <= y1; y++) {
                mask[y * n + x1] = true;
            }
            for (int x = x0; x <= x1; x++) {
                mask[y1 * n + x] = true;
            }
            for (int y = y0 + 2; y <= y1; y++) {
                mask[y * n + x0] = true;
            }
            if (x0 + 2 <= x1 - 2) {
                mask[(y0 + 2) * n + x0 + 1] = true;
            }
            x0 += 2;
            y0 += 2;
            x1 -= 2;
            y1 -= 2;
        }
        for (boolean value : new boolean[] {true, false}) {
            for (boolean eight : new boolean[] {true, false}) {
                assertSameComponents(mask, n, n, value, eight, "spiral");
            }
        }
    }

    private static void assertSameComponents(boolean[] mask, int w, int h, boolean value, boolean eight,
            String what) {
        Components expected = TissueReference.label(mask, w, h, value, eight);
        Components actual = Components.label(mask, w, h, value, eight);
        String message = what + ", value " + value + (eight ? ", 8" : ", 4") + "-connected";
        assertArrayEquals(expected.labels(), actual.labels(), message);
        assertArrayEquals(expected.sizes(), actual.sizes(), message);
        assertArrayEquals(expected.touchesBorder(), actual.touchesBorder(), message);
    }
}
