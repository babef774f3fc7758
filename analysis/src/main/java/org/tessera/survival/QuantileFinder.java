package org.tessera.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * R's {@code findq} (survival 3.5, inside {@code quantile.survfit}), reproduced literally because its
 * conventions decide the printed median:
 * <ul>
 * <li>the curve is F = 1 - S with the point (0, 0) in front; repeated F values keep their first time;
 * <li>the quantile is the first time where F &ge; p, found with tolerance tol = sqrt(machine epsilon):
 * if F equals p (within tol) over an interval, the answer is the midpoint between the time F reached p and
 * the time it next rises; if the curve ends at exactly p, the midpoint between that time and the last
 * follow-up time;
 * <li>points whose value R holds as NA (CI limits at S = 0, or at S = 1 for log-log) are skipped;
 * <li>for a non-monotone confidence curve R's {@code approx} takes the point with the smallest F &ge; p,
 * not the earliest; so do we.
 * </ul>
 */
final class QuantileFinder {
    /** R's {@code sqrt(.Machine$double.eps)}. */
    static final double TOLERANCE = Math.sqrt(Math.ulp(1.0));

    private QuantileFinder() {
    }

    /**
     * @param times    curve times, ascending (the first point (0, 0) is added here)
     * @param surv     curve values at those times; NaN marks a point R holds as NA
     * @param p        the probability, in (0, 1)
     */
    static OptionalDouble find(double[] times, double[] surv, double p) {
        int n0 = times.length + 1;
        double[] x = new double[n0];
        double[] y = new double[n0];
        for (int i = 1; i < n0; i++) {
            x[i] = times[i - 1];
            y[i] = 1 - surv[i - 1];
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
            }
        }
        if (max < p) {
            return OptionalDouble.empty();
        }
        double xmax = x[n0 - 1];
        // duplicated(y): keep the first occurrence of each value (NaN equals NaN here, as in R)
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < n0; i++) {
            boolean dup = false;
            for (double[] k : kept) {
                if (Double.compare(k[1], y[i]) == 0) {
                    dup = true;
                    break;
                }
            }
            if (!dup) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        int i1 = constantRight(kept, p, TOLERANCE);
        int i2 = constantRight(kept, p, -TOLERANCE);
        OptionalDouble quantile = i1 >= 0 && i2 >= 0
                ? OptionalDouble.of((kept.get(i1)[0] + kept.get(i2)[0]) / 2)
                : OptionalDouble.empty();
        double last = kept.get(kept.size() - 1)[1];
        if (!Double.isNaN(last) && Math.abs(p - last) < TOLERANCE && i1 >= 0) {
            quantile = OptionalDouble.of((kept.get(i1)[0] + xmax) / 2);
        }
        return quantile;
    }

    /**
     * {@code approx(y + shift, 1:n, p, method = "constant", f = 1)}: the index of the non-NaN point with the
     * smallest key y + shift &ge; p, or -1 when p lies outside [min key, max key].
     */
    private static int constantRight(List<double[]> points, double p, double shift) {
        int best = -1;
        double bestKey = Double.POSITIVE_INFINITY;
        double minKey = Double.POSITIVE_INFINITY;
        double maxKey = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            double y = points.get(i)[1];
            if (Double.isNaN(y)) {
                continue;
            }
            double key = y + shift;
            minKey = Math.min(minKey, key);
            maxKey = Math.max(maxKey, key);
            if (key >= p && key < bestKey) {
                bestKey = key;
                best = i;
            }
        }
        return p < minKey || p > maxKey ? -1 : best;
    }
}
