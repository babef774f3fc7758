package org.tessera.stats;

/**
 * The distribution functions that p-values are made of: normal, Student t, chi-square, F and binomial. One
 * place validates the arguments and states the conventions; the numerics live in package-private classes
 * ({@link SpecialFunctions}, {@link Normal}, {@link Binomial}). Every method is checked against scipy.stats
 * to 1e-10 relative in {@code DistributionsTest}.
 *
 * <p>Conventions: survival functions are computed directly (never as 1 - cdf), so tiny upper-tail
 * probabilities keep their relative precision until they underflow to 0. Infinite statistics are accepted
 * where the limit is a probability (t = ±∞ gives p = 0); NaN is always rejected.
 */
public final class Distributions {
    private Distributions() {
    }

    /** Φ(x), the standard normal CDF; Φ(-∞) = 0, Φ(∞) = 1 (scipy.stats.norm.cdf). */
    public static double normalCdf(double x) {
        requireNotNaN(x, "x");
        return Normal.cdf(x);
    }

    /** 1 - Φ(x), the standard normal survival function (scipy.stats.norm.sf). */
    public static double normalSf(double x) {
        requireNotNaN(x, "x");
        return Normal.sf(x);
    }

    /**
     * Φ^-1(p), the standard normal quantile (scipy.stats.norm.ppf). By the same convention as scipy,
     * p = 0 gives -∞ and p = 1 gives +∞; p outside [0, 1] is rejected.
     */
    public static double normalQuantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        return Normal.quantile(p);
    }

    /**
     * Two-sided p-value of a Student t statistic, P(|T| &ge; |t|) with df degrees of freedom
     * (2 * scipy.stats.t.sf(abs(t), df)). Computed as I_x(df/2, 1/2) with x = df / (df + t^2); df need not be
     * an integer. |t| = ∞ gives 0.
     */
    public static double studentTSf2(double t, double df) {
        requireNotNaN(t, "t");
        requirePositiveFinite(df, "df");
        if (Double.isInfinite(t)) {
            return 0;
        }
        double t2 = t * t;
        if (Double.isInfinite(t2)) {
            return 0;
        }
        // 1 - x = t^2 / (df + t^2) is formed directly, not by subtraction, to keep it exact for small t.
        return SpecialFunctions.regularizedBeta(df / (df + t2), t2 / (df + t2), 0.5 * df, 0.5);
    }

    /**
     * Upper tail of the chi-square distribution, P(X &ge; x) = Q(df/2, x/2) (scipy.stats.chi2.sf). x must be
     * non-negative: a chi-square statistic cannot be below 0, so a negative one is a bug upstream.
     */
    public static double chiSquareSf(double x, double df) {
        requireNotNaN(x, "x");
        if (x < 0) {
            throw new IllegalArgumentException("chi-square statistic must be >= 0: " + x);
        }
        requirePositiveFinite(df, "df");
        return SpecialFunctions.regularizedGammaQ(0.5 * df, 0.5 * x);
    }

    /**
     * Upper tail of the F distribution with (d1, d2) degrees of freedom, P(F &ge; f) = I_x(d2/2, d1/2) with
     * x = d2 / (d2 + d1 f) (scipy.stats.f.sf). f must be non-negative.
     */
    public static double fSf(double f, double d1, double d2) {
        requireNotNaN(f, "f");
        if (f < 0) {
            throw new IllegalArgumentException("F statistic must be >= 0: " + f);
        }
        requirePositiveFinite(d1, "d1");
        requirePositiveFinite(d2, "d2");
        if (Double.isInfinite(f)) {
            return 0;
        }
        double d1f = d1 * f;
        if (Double.isInfinite(d1f)) {
            return 0;
        }
        return SpecialFunctions.regularizedBeta(d2 / (d2 + d1f), d1f / (d2 + d1f), 0.5 * d2, 0.5 * d1);
    }

    /**
     * Two-sided exact binomial test of k successes in n trials against success probability p, equal to
     * scipy.stats.binomtest(k, n, p).pvalue: the probability of all outcomes no more likely than k, where
     * "no more likely" allows a relative tolerance of 1e-7 (scipy's {@code rerr}). k = n p gives exactly 1.
     */
    public static double binomialTwoSided(int k, int n, double p) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k must be in [0, n=" + n + "]: " + k);
        }
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        return Binomial.twoSided(k, n, p);
    }

    private static void requireNotNaN(double v, String name) {
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException(name + " is NaN");
        }
    }

    private static void requirePositiveFinite(double v, String name) {
        if (!(v > 0 && v < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + v);
        }
    }
}
