package org.tessera.stats;

/**
 * The standard normal distribution: W. J. Cody's rational approximations of erfc (relative error about 1e-16
 * over the whole line) and P. J. Acklam's inverse refined by one Halley step. Package-private: the validated
 * entry points are {@link Distributions#normalCdf}, {@link Distributions#normalSf} and
 * {@link Distributions#normalQuantile}.
 *
 * <p>References: W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23
 * (1969) 631-637, coefficients as in Netlib SPECFUN {@code CALERF}; P. J. Acklam, "An algorithm for computing
 * the inverse normal cumulative distribution function" (2003).
 */
final class Normal {
    private static final double[] A = {
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02, 3.20937758913846947e03,
        1.85777706184603153e-1,
    };
    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03,
    };
    private static final double[] C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01, 2.98635138197400131e02,
        8.81952221241769090e02, 1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
        2.15311535474403846e-8,
    };
    private static final double[] D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02, 1.62138957456669019e03,
        3.29079923573345963e03, 4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03,
    };
    private static final double[] P = {
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1, 1.60837851487422766e-2,
        6.58749161529837803e-4, 1.63153871373020978e-2,
    };
    private static final double[] Q = {
        2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1, 6.05183413124413191e-2,
        2.33520497626869185e-3,
    };
    /** 1 / sqrt(pi). */
    private static final double SQRPI = 5.6418958354775628695e-1;
    /** Below this |x| Cody sets x^2 to zero in the first interval. */
    private static final double XSMALL = 1.11e-16;
    private static final double THRESH = 0.46875;
    private static final double SQRT_HALF = 0.70710678118654752440;
    private static final double SQRT_2PI = 2.50662827463100050242;
    private static final double LN_SQRT_2PI = 0.91893853320467274178;

    private static final double[] ACKLAM_A = {
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00,
    };
    private static final double[] ACKLAM_B = {
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01,
    };
    private static final double[] ACKLAM_C = {
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00,
    };
    private static final double[] ACKLAM_D = {
        7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00,
    };
    private static final double ACKLAM_P_LOW = 0.02425;

    private Normal() {
    }

    /** erfc(x) for any x that is not NaN. */
    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= THRESH) {
            return 1 - erfSmall(x);
        }
        double result;
        if (Double.isInfinite(y)) {
            result = 0;
        } else if (y <= 4) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            result = (num + C[7]) / (den + D[7]) * expMinusSquare(y);
        } else {
            double ysq = 1 / (y * y);
            double num = P[5] * ysq;
            double den = ysq;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }
            result = ysq * (num + P[4]) / (den + Q[4]);
            result = (SQRPI - result) / y * expMinusSquare(y);
        }
        return x < 0 ? 2 - result : result;
    }

    /** erf(x) for |x| &le; 0.46875, Cody's first interval, with full relative accuracy near 0. */
    private static double erfSmall(double x) {
        double ysq = Math.abs(x) > XSMALL ? x * x : 0;
        double num = A[4] * ysq;
        double den = ysq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return x * (num + A[3]) / (den + B[3]);
    }

    /**
     * exp(-y^2) evaluated as exp(-s^2) exp(-(y - s)(y + s)) with s = y rounded down to a multiple of 1/16, so
     * that y^2 is never formed with a rounding error that the exponential would magnify (Cody's device).
     */
    private static double expMinusSquare(double y) {
        double s = Math.floor(y * 16) / 16;
        double del = (y - s) * (y + s);
        return Math.exp(-s * s) * Math.exp(-del);
    }

    /** Φ(x) = erfc(-x / sqrt 2) / 2. */
    static double cdf(double x) {
        return 0.5 * erfc(-x * SQRT_HALF);
    }

    /** 1 - Φ(x) = erfc(x / sqrt 2) / 2, accurate in the upper tail. */
    static double sf(double x) {
        return 0.5 * erfc(x * SQRT_HALF);
    }

    /** Φ(x) - 1/2 without cancellation near x = 0. */
    private static double cdfMinusHalf(double x) {
        double z = x * SQRT_HALF;
        if (Math.abs(z) <= THRESH) {
            return 0.5 * erfSmall(z);
        }
        double erf = 1 - erfc(Math.abs(z));
        return 0.5 * Math.copySign(erf, z);
    }

    /**
     * Φ^-1(p) for 0 &lt; p &lt; 1. Upper half by symmetry, Φ^-1(p) = -Φ^-1(1 - p), since 1 - p is exact for
     * p in [1/2, 1]; so the Halley correction always works on a lower-tail probability that is known to full
     * relative precision.
     */
    static double quantile(double p) {
        return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p);
    }

    private static double lowerQuantile(double p) {
        if (p >= ACKLAM_P_LOW) {
            double q = p - 0.5;
            double r = q * q;
            double x = (((((ACKLAM_A[0] * r + ACKLAM_A[1]) * r + ACKLAM_A[2]) * r + ACKLAM_A[3]) * r
                    + ACKLAM_A[4]) * r + ACKLAM_A[5]) * q
                    / (((((ACKLAM_B[0] * r + ACKLAM_B[1]) * r + ACKLAM_B[2]) * r + ACKLAM_B[3]) * r
                    + ACKLAM_B[4]) * r + 1);
            // Halley step; the residual is formed as (Φ(x) - 1/2) - (p - 1/2) to avoid cancellation near 0.
            double e = cdfMinusHalf(x) - q;
            double u = e * SQRT_2PI * Math.exp(0.5 * x * x);
            return x - u / (1 + 0.5 * x * u);
        }
        double q = Math.sqrt(-2 * Math.log(p));
        double x = (((((ACKLAM_C[0] * q + ACKLAM_C[1]) * q + ACKLAM_C[2]) * q + ACKLAM_C[3]) * q
                + ACKLAM_C[4]) * q + ACKLAM_C[5])
                / ((((ACKLAM_D[0] * q + ACKLAM_D[1]) * q + ACKLAM_D[2]) * q + ACKLAM_D[3]) * q + 1);
        // Halley step; u = (Φ(x) - p) / φ(x) is formed as (e / p) * exp(ln p + x^2/2 + ln sqrt(2 pi)) so that
        // neither 1/φ(x) nor p/φ(x) overflows in the far tail.
        double e = cdf(x) - p;
        double u = (e / p) * Math.exp(Math.log(p) + 0.5 * x * x + LN_SQRT_2PI);
        return x - u / (1 + 0.5 * x * u);
    }
}
