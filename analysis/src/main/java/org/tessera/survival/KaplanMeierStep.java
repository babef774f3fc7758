package org.tessera.survival;

/**
 * One row of a Kaplan-Meier table: the curve just after {@code time}, with R's counts and error columns
 * ({@code survfit} object or {@code summary(fit, times = ...)}).
 *
 * @param time     the time of this row
 * @param nRisk    patients at risk at {@code time} (time &ge; this time)
 * @param nEvent   events at this time (in a summary row: since the previous requested time)
 * @param nCensor  censorings at this time (in a summary row: since the previous requested time)
 * @param survival the Kaplan-Meier estimate S(time), in [0, 1]
 * @param stdErr   Greenwood standard error of the cumulative hazard, sqrt(Σ d / (n (n - d))), R's
 *                 {@code fit$std.err}; +∞ once S reaches 0 (R gives Inf too)
 * @param lower    lower confidence limit of S
 * @param upper    upper confidence limit of S
 */
public record KaplanMeierStep(double time, int nRisk, int nEvent, int nCensor, double survival, double stdErr,
        double lower, double upper) {
    public KaplanMeierStep {
        if (!(time >= 0 && time < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("time must be finite and >= 0: " + time);
        }
        if (nRisk < 0 || nEvent < 0 || nCensor < 0) {
            throw new IllegalArgumentException("counts must be >= 0: nRisk=" + nRisk + " nEvent=" + nEvent
                    + " nCensor=" + nCensor);
        }
        if (!(survival >= 0 && survival <= 1)) {
            throw new IllegalArgumentException("survival must be in [0, 1]: " + survival);
        }
        if (!(stdErr >= 0)) {
            throw new IllegalArgumentException("stdErr must be >= 0: " + stdErr);
        }
        if (!(lower >= 0 && lower <= survival && upper >= survival && upper <= 1)) {
            throw new IllegalArgumentException("need 0 <= lower <= survival <= upper <= 1: [" + lower + ", "
                    + survival + ", " + upper + "]");
        }
    }

    /**
     * Standard error of S itself, S × {@link #stdErr()} (Greenwood's formula), the {@code std.err} column
     * that R's {@code summary.survfit} prints. 0 once S reaches 0.
     */
    public double survivalStdErr() {
        return survival == 0 ? 0 : survival * stdErr;
    }
}
