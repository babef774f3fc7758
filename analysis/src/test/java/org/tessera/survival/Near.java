package org.tessera.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Relative-error assertions at the agreement asked of the survival package: 1e-6 relative to R. */
final class Near {
    static final double TOLERANCE = 1e-6;

    private Near() {
    }

    /** |actual - expected| &le; 1e-6 |expected|; an expected 0 must be matched to 1e-12 absolute. */
    static void assertNear(double expected, double actual, String what) {
        if (expected == 0) {
            assertEquals(0.0, actual, 1e-12, what);
            return;
        }
        double error = Math.abs(actual - expected) / Math.abs(expected);
        if (!(error <= TOLERANCE)) {
            fail(what + ": expected " + expected + " but was " + actual + " (relative error " + error + ")");
        }
    }

    static void assertAllNear(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertNear(expected[i], actual[i], what + "[" + i + "]");
        }
    }
}
