package org.tessera.survival;

/**
 * How a pointwise confidence interval for S(t) is formed from the Greenwood standard error of the
 * cumulative hazard, as R's {@code survfit(conf.type = ...)}; z is the normal quantile for the level.
 * Both intervals stay inside [0, 1] without clipping the lower end, which is why they are preferred to
 * the "plain" S ± z se(S).
 */
public enum ConfidenceType {
    /**
     * R's {@code "log"} (its default): S exp(∓ z se), the upper limit capped at 1 (R's {@code ulimit}).
     * At S = 0 R reports NA; here the interval is [0, 0].
     */
    LOG,
    /**
     * R's {@code "log-log"}: exp(-exp(log(-log S) ± z se / |log S|)), the transform asked for by
     * reviewers because it never leaves [0, 1]. At S = 1 (before the first event) and S = 0 R reports NA;
     * here the interval is [S, S], its limit as se goes to 0.
     */
    LOG_LOG;

    /** False where R's interval is NA; such points are skipped when reading quantiles off the CI curves. */
    boolean definedAt(double survival) {
        return switch (this) {
            case LOG -> survival > 0;
            case LOG_LOG -> survival > 0 && survival < 1;
        };
    }

    /** {lower, upper} for survival s whose cumulative hazard has standard error se, z = Φ^-1(1 - α/2). */
    double[] interval(double s, double se, double z) {
        if (!definedAt(s)) {
            return new double[] {s, s};
        }
        return switch (this) {
            case LOG -> new double[] {Math.exp(Math.log(s) - z * se), Math.min(1.0, Math.exp(Math.log(s) + z * se))};
            case LOG_LOG -> {
                double logS = Math.log(s);
                double shift = z * se / logS; // negative, so the first limit is the lower one
                double center = Math.log(-logS);
                yield new double[] {Math.exp(-Math.exp(center - shift)), Math.exp(-Math.exp(center + shift))};
            }
        };
    }
}
