package org.tessera.stain;

import java.util.Arrays;

/** Percentiles with numpy's default ("linear") rule: position {@code p/100 * (n-1)} in the sorted values. */
final class Percentile {
    private Percentile() {
    }

    /** The {@code p}-th percentile (0..100) of the first {@code n} values; sorts them in place. */
    static double of(double[] values, int n, double p) {
        if (n <= 0) {
            throw new IllegalArgumentException("percentile of no values");
        }
        Arrays.sort(values, 0, n);
        double pos = p / 100 * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, n - 1);
        return values[lo] + (pos - lo) * (values[hi] - values[lo]);
    }
}
