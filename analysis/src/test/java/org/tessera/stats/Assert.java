package org.tessera.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Relative-error assertions for values spanning hundreds of orders of magnitude (p-values). */
final class Assert {
    private Assert() {
    }

    /** |actual - expected| &le; tolerance * |expected|; an expected 0 must be matched exactly. */
    static void assertRelative(double expected, double actual, double tolerance, String what) {
        if (expected == 0) {
            assertEquals(0.0, actual, 0.0, what);
            return;
        }
        double error = Math.abs(actual - expected) / Math.abs(expected);
        if (!(error <= tolerance)) {
            fail(what + ": expected " + expected + " but was " + actual + " (relative error " + error
                    + " > " + tolerance + ")");
        }
    }

    static void assertAllRelative(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            assertRelative(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }
}
