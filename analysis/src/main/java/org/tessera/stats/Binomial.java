package org.tessera.stats;

import java.util.function.IntToDoubleFunction;

/**
 * The binomial distribution: probability mass by C. Loader's saddle-point form (accurate to a few ulps even
 * for large n, where ln C(n, k) through log-gamma would lose digits to cancellation), tails through the
 * regularized incomplete beta function, and scipy's two-sided exact test. Package-private: the validated entry
 * point is {@link Distributions#binomialTwoSided}.
 *
 * <p>Reference: C. Loader, "Fast and accurate computation of binomial probabilities" (2000), as in R's
 * {@code dbinom_raw}, {@code stirlerr} and {@code bd0}.
 */
final class Binomial {
    private static final double LN_2PI = 1.83787706640934548356;
    /**
     * scipy's relative tolerance when collecting outcomes "at most as likely as k": probabilities up to
     * P(X = k) * (1 + 1e-7) count, so that outcomes tied with k in exact arithmetic are not lost to rounding.
     */
    private static final double RELATIVE_TOLERANCE = 1 + 1e-7;

    private Binomial() {
    }

    /** P(X = k) for X ~ Bin(n, p); 0 outside 0..n. */
    static double pmf(int k, int n, double p) {
        if (k < 0 || k > n) {
            return 0;
        }
        double q = 1 - p;
        if (p == 0) {
            return k == 0 ? 1 : 0;
        }
        if (q == 0) {
            return k == n ? 1 : 0;
        }
        if (k == 0) {
            double lc = p < 0.1 ? -SpecialFunctions.bd0(n, n * q) - n * p : n * Math.log(q);
            return Math.exp(lc);
        }
        if (k == n) {
            double lc = q < 0.1 ? -SpecialFunctions.bd0(n, n * p) - n * q : n * Math.log(p);
            return Math.exp(lc);
        }
        // Loader: ln P(X = k) = δ(n) - δ(k) - δ(n - k) - bd0(k, n p) - bd0(n - k, n q) - ln(2 pi k (n - k) / n) / 2
        double lc = SpecialFunctions.logGammaCorrection(n) - SpecialFunctions.logGammaCorrection(k)
                - SpecialFunctions.logGammaCorrection(n - k)
                - SpecialFunctions.bd0(k, n * p) - SpecialFunctions.bd0(n - k, n * q);
        double lf = LN_2PI + Math.log(k) + Math.log1p(-(double) k / n);
        return Math.exp(lc - 0.5 * lf);
    }

    /** P(X &le; k) = I_q(n - k, k + 1). */
    static double cdf(int k, int n, double p) {
        if (k < 0) {
            return 0;
        }
        if (k >= n) {
            return 1;
        }
        return SpecialFunctions.regularizedBeta(1 - p, p, n - k, k + 1.0);
    }

    /** P(X &gt; k) = I_p(k + 1, n - k). */
    static double sf(int k, int n, double p) {
        if (k < 0) {
            return 1;
        }
        if (k >= n) {
            return 0;
        }
        return SpecialFunctions.regularizedBeta(p, 1 - p, k + 1.0, n - k);
    }

    /**
     * Two-sided exact p-value, scipy.stats.binomtest's rule: the total probability of the outcomes whose
     * probability is at most P(X = k) * (1 + 1e-7). The outcomes on the far side of the mean are found by
     * binary search (the mass function is monotone on each side of the mode), and their total is a tail
     * probability, so the cost does not grow with n. Capped at 1.
     */
    static double twoSided(int k, int n, double p) {
        double d = pmf(k, n, p);
        double pn = p * n;
        double pValue;
        if (k == pn) {
            return 1;
        } else if (k < pn) {
            int ix = search(i -> -pmf(i, n, p), -d * RELATIVE_TOLERANCE, (int) Math.ceil(pn), n);
            int y = n - ix + (d * RELATIVE_TOLERANCE == pmf(ix, n, p) ? 1 : 0);
            pValue = cdf(k, n, p) + sf(n - y, n, p);
        } else {
            int ix = search(i -> pmf(i, n, p), d * RELATIVE_TOLERANCE, 0, (int) Math.floor(pn));
            int y = ix + 1;
            pValue = cdf(y - 1, n, p) + sf(k - 1, n, p);
        }
        return Math.min(1, pValue);
    }

    /** The index i in [lo - 1, hi] with a(i) &le; d &lt; a(i + 1), for a ascending on [lo, hi] (scipy's search). */
    private static int search(IntToDoubleFunction a, double d, int lo, int hi) {
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            double midValue = a.applyAsDouble(mid);
            if (midValue < d) {
                lo = mid + 1;
            } else if (midValue > d) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return a.applyAsDouble(lo) <= d ? lo : lo - 1;
    }
}
