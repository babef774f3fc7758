package org.tessera.stats;

/**
 * Log-gamma and the regularized incomplete beta and gamma functions, the three special functions behind the
 * Student t, F, binomial and chi-square tails. They live in one package-private class so that every p-value in
 * the package is computed the same way; the public, validated face is {@link Distributions}. Checked against
 * scipy.special directly (SpecialFunctionsTest) and through the distributions (DistributionsTest).
 *
 * <p>Callers validate their arguments; these methods assume finite, positive shape parameters and
 * arguments inside the domain, and never return NaN for such input.
 */
final class SpecialFunctions {
    /** Relative convergence threshold of the continued fractions and series: one ulp of 1. */
    private static final double EPS = Math.ulp(1.0);
    /** Lentz's guard against a zero denominator. */
    private static final double TINY = 1e-300;
    /** Far above what any shape parameter met in practice needs (iterations grow like sqrt(a)). */
    private static final int MAX_ITERATIONS = 1_000_000;

    /** Lanczos coefficients for g = 607/128 and 15 terms (Numerical Recipes, 3rd ed., {@code gammln}). */
    private static final double[] LANCZOS = {
        57.1562356658629235, -59.5979603554754912, 14.1360979747417471, -0.491913816097620199,
        0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4, 0.158088703224912494e-3,
        -0.210264441724104883e-3, 0.217439618115212643e-3, -0.164318106536763890e-3, 0.844182239838527433e-4,
        -0.261908384015814087e-4, 0.368991826595316234e-5,
    };
    private static final double LANCZOS_G_PLUS_HALF = 607.0 / 128.0 + 0.5;
    private static final double SQRT_2PI = 2.5066282746310005;
    private static final double LN_SQRT_2PI = 0.91893853320467274178;

    private SpecialFunctions() {
    }

    /**
     * ln Γ(x) for x &gt; 0 by the Lanczos approximation; absolute error about 1e-15 times max(1, |ln Γ(x)|).
     */
    static double logGamma(double x) {
        double y = x;
        double tmp = x + LANCZOS_G_PLUS_HALF;
        tmp = (x + 0.5) * Math.log(tmp) - tmp;
        double series = 0.999999999999997092;
        for (double c : LANCZOS) {
            series += c / ++y;
        }
        return tmp + Math.log(SQRT_2PI * series / x);
    }

    /**
     * The Stirling-series remainder δ(x) = ln Γ(x) - ((x - 1/2) ln x - x + ln sqrt(2 pi)) for x &gt; 0. Working
     * with δ instead of ln Γ keeps large arguments free of cancellation: ln Γ(10^6) is about 1.3e7, so its
     * last ulp alone is 2e-9, while δ(10^6) is 8e-8 to full relative precision. Series through the x^-13 term
     * from x = 10 (truncation below 3e-17); from ln Γ below.
     */
    static double logGammaCorrection(double x) {
        if (x < 10) {
            return logGamma(x) - (x - 0.5) * Math.log(x) + x - LN_SQRT_2PI;
        }
        double r = 1 / (x * x);
        return (1.0 / 12 - r * (1.0 / 360 - r * (1.0 / 1260 - r * (1.0 / 1680 - r * (1.0 / 1188
                - r * (691.0 / 360360 - r / 156)))))) / x;
    }

    /**
     * The deviance term bd0(x, m) = x ln(x / m) + m - x &ge; 0 (C. Loader, 2000), by its series in
     * v = (x - m) / (x + m) when x is within 10% of m, where the direct formula would cancel.
     */
    static double bd0(double x, double m) {
        if (Math.abs(x - m) < 0.1 * (x + m)) {
            double v = (x - m) / (x + m);
            double s = (x - m) * v;
            double ej = 2 * x * v;
            v = v * v;
            for (int j = 1; j < 1000; j++) {
                ej *= v;
                double s1 = s + ej / (2 * j + 1);
                if (s1 == s) {
                    return s1;
                }
                s = s1;
            }
        }
        return x * Math.log(x / m) + m - x;
    }

    /**
     * The regularized incomplete beta function I_x(a, b), with {@code y = 1 - x} passed in separately so that
     * callers who know 1 - x more accurately than by subtraction (t and F tails) keep that accuracy.
     *
     * <p>The continued fraction (modified Lentz, Numerical Recipes 6.4) is evaluated for whichever of
     * I_x(a, b) and I_y(b, a) = 1 - I_x(a, b) converges fast, i.e. for x below (a + 1) / (a + b + 2); the
     * other is obtained by subtraction, which only loses accuracy when the result is close to 1.
     */
    static double regularizedBeta(double x, double y, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (y <= 0) {
            return 1;
        }
        if (x < (a + 1) / (a + b + 2)) {
            return betaFront(x, y, a, b) * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - betaFront(x, y, a, b) * betaContinuedFraction(y, b, a) / b;
    }

    /**
     * x^a y^b / B(a, b). Writing ln Γ as Stirling's formula plus δ, and c = a + b, this is
     * exp(-bd0(a, c x) - bd0(b, c y) - δ(a) - δ(b) + δ(c)) sqrt(a b / (2 pi c)): no large terms cancel, so the
     * relative error stays near 1e-15 even for a, b of 10^5 and more (the naive a ln x + b ln y - ln B(a, b)
     * loses about a * 1e-16).
     */
    private static double betaFront(double x, double y, double a, double b) {
        double c = a + b;
        double exponent = -bd0(a, c * x) - bd0(b, c * y)
                - logGammaCorrection(a) - logGammaCorrection(b) + logGammaCorrection(c);
        return Math.exp(exponent) * Math.sqrt(a / (2 * Math.PI) * (b / c));
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = guard(1 - qab * x / qap);
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 / guard(1 + aa * d);
            c = guard(1 + aa / c);
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 / guard(1 + aa * d);
            c = guard(1 + aa / c);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) <= EPS) {
                return h;
            }
        }
        throw new IllegalStateException("incomplete beta did not converge for x=" + x + ", a=" + a + ", b=" + b);
    }

    /**
     * The regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) for a &gt; 0, x &ge; 0: the
     * series for P below x = a + 1, the continued fraction for Q above (Numerical Recipes 6.2).
     */
    static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (Double.isInfinite(x)) {
            return 0;
        }
        if (x < a + 1) {
            return 1 - gammaSeries(a, x);
        }
        return gammaContinuedFraction(a, x);
    }

    /** The regularized lower incomplete gamma function P(a, x) = 1 - Q(a, x). */
    static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (Double.isInfinite(x)) {
            return 1;
        }
        if (x < a + 1) {
            return gammaSeries(a, x);
        }
        return 1 - gammaContinuedFraction(a, x);
    }

    /** e^-x x^a / Γ(a) = exp(-bd0(a, x) - δ(a)) sqrt(a / (2 pi)), free of cancellation as in betaFront. */
    private static double gammaFront(double a, double x) {
        return Math.exp(-bd0(a, x) - logGammaCorrection(a)) * Math.sqrt(a / (2 * Math.PI));
    }

    private static double gammaSeries(double a, double x) {
        double ap = a;
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n <= MAX_ITERATIONS; n++) {
            ap += 1;
            term *= x / ap;
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                return sum * gammaFront(a, x);
            }
        }
        throw new IllegalStateException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
    }

    private static double gammaContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = 1 / guard(an * d + b);
            c = guard(b + an / c);
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) <= EPS) {
                return h * gammaFront(a, x);
            }
        }
        throw new IllegalStateException("incomplete gamma fraction did not converge for a=" + a + ", x=" + x);
    }

    private static double guard(double v) {
        return Math.abs(v) < TINY ? TINY : v;
    }
}
