package org.tessera.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A fitted Kaplan-Meier curve: one {@link KaplanMeierStep} per distinct time (events and censorings, as
 * R's survfit object), plus the quantile and numbers-at-risk read-outs of {@code quantile.survfit} and
 * {@code summary.survfit}.
 *
 * @param steps          rows in increasing time
 * @param n              patients the curve was fitted on
 * @param confidenceType how the intervals were formed
 * @param level          confidence level of the intervals, e.g. 0.95
 */
public record KaplanMeierFit(List<KaplanMeierStep> steps, int n, ConfidenceType confidenceType, double level) {
    public KaplanMeierFit {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a Kaplan-Meier fit needs at least one step");
        }
        for (int i = 1; i < steps.size(); i++) {
            if (!(steps.get(i).time() > steps.get(i - 1).time())) {
                throw new IllegalArgumentException("step times must increase: step " + i + " has "
                        + steps.get(i).time() + " after " + steps.get(i - 1).time());
            }
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        if (confidenceType == null) {
            throw new IllegalArgumentException("confidenceType must not be null");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1): " + level);
        }
    }

    /** Only the rows with at least one event. */
    public List<KaplanMeierStep> eventSteps() {
        return steps.stream().filter(s -> s.nEvent() > 0).toList();
    }

    /**
     * The median survival time with its confidence limits, or empty when the curve never falls to 0.5
     * (R prints NA). Conventions in {@link #quantile(double)}.
     */
    public Optional<SurvivalQuantile> median() {
        return quantile(0.5);
    }

    /**
     * The time by which a fraction p has had the event, as R's {@code quantile(fit, p)}: the first time the
     * curve reaches 1 - p, with R's midpoint rule when it stays exactly at 1 - p over an interval (see
     * {@link QuantileFinder}). The lower limit is where the lower confidence curve reaches 1 - p (it gets
     * there first) and the upper limit where the upper curve does. Empty when the curve itself never reaches 1 - p.
     */
    public Optional<SurvivalQuantile> quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1): " + p);
        }
        int m = steps.size();
        double[] t = new double[m];
        double[] s = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int i = 0; i < m; i++) {
            KaplanMeierStep step = steps.get(i);
            boolean defined = confidenceType.definedAt(step.survival());
            t[i] = step.time();
            s[i] = step.survival();
            lo[i] = defined ? step.lower() : Double.NaN;
            hi[i] = defined ? step.upper() : Double.NaN;
        }
        OptionalDouble q = QuantileFinder.find(t, s, p);
        if (q.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SurvivalQuantile(p, q.getAsDouble(), QuantileFinder.find(t, lo, p),
                QuantileFinder.find(t, hi, p)));
    }

    /**
     * The curve at the given times with counts since the previous time, as R's
     * {@code summary(fit, times = times, extend = TRUE)}: n.risk = patients with time &ge; t; n.event and
     * n.censor count rows in (previous requested time, t] (from -∞ for the first); survival, std.err and
     * limits are those of the last step at or before t (1, 0, [1, 1] before the first step). Times past
     * the last follow-up give n.risk = 0 and the last value of the curve.
     *
     * @param times strictly increasing, finite, &ge; 0
     */
    public List<KaplanMeierStep> at(double... times) {
        List<KaplanMeierStep> rows = new ArrayList<>();
        int next = 0;
        for (int k = 0; k < times.length; k++) {
            double t = times[k];
            if (!(t >= 0 && t < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("times must be finite and >= 0: times[" + k + "] = " + t);
            }
            if (k > 0 && !(t > times[k - 1])) {
                throw new IllegalArgumentException("times must increase: times[" + k + "] = " + t
                        + " after " + times[k - 1]);
            }
            int events = 0;
            int censored = 0;
            while (next < steps.size() && steps.get(next).time() <= t) {
                events += steps.get(next).nEvent();
                censored += steps.get(next).nCensor();
                next++;
            }
            int atRisk = next < steps.size() ? steps.get(next).nRisk() : 0;
            if (next > 0 && steps.get(next - 1).time() == t) {
                atRisk = steps.get(next - 1).nRisk();
            }
            KaplanMeierStep last = next > 0 ? steps.get(next - 1) : null;
            rows.add(last == null
                    ? new KaplanMeierStep(t, atRisk, events, censored, 1, 0, 1, 1)
                    : new KaplanMeierStep(t, atRisk, events, censored, last.survival(), last.stdErr(),
                            last.lower(), last.upper()));
        }
        return rows;
    }
}
