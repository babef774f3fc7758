package org.tessera.survival;

import java.util.OptionalDouble;

/**
 * A quantile of survival time (the median for p = 0.5) with its confidence limits, read off the
 * Kaplan-Meier curve and its pointwise confidence curves as R's {@code quantile.survfit}. A limit the
 * confidence curve never reaches is empty (R prints NA), as the upper limit often is.
 *
 * @param probability the quantile, 0.5 for the median: the time by which this fraction has had the event
 * @param time        the estimate
 * @param lower       lower limit (where the lower confidence curve reaches 1 - p), if reached
 * @param upper       upper limit (where the upper confidence curve reaches 1 - p), if reached
 */
public record SurvivalQuantile(double probability, double time, OptionalDouble lower, OptionalDouble upper) {
    public SurvivalQuantile {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be in (0, 1): " + probability);
        }
        if (!(time >= 0 && time < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("time must be finite and >= 0: " + time);
        }
        if (lower == null || upper == null) {
            throw new IllegalArgumentException("limits must be OptionalDouble, not null");
        }
    }
}
