package org.tessera.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.stats.Distributions;

/**
 * The Kaplan-Meier estimator with Greenwood's variance, equal to R's
 * {@code survfit(Surv(time, status) ~ 1, conf.type = ...)} (survival 3.5) at every distinct time.
 *
 * <p>Conventions, all R's: one row per distinct time, event or censoring; at a time with both, events
 * come first (a patient censored at t was at risk at t); S(t) = Π (1 - d/n) over event times &le; t; the
 * variance of the cumulative hazard is Greenwood's Σ d / (n (n - d)), infinite once n = d. The default
 * interval is log-log at 95% (R's default is "log"; both are offered, see {@link ConfidenceType}).
 */
public final class KaplanMeier {
    /** Default confidence level. */
    public static final double DEFAULT_LEVEL = 0.95;

    private KaplanMeier() {
    }

    /** One curve over all rows (groups ignored), log-log 95% intervals. */
    public static KaplanMeierFit fit(SurvivalData data) {
        return fit(data, ConfidenceType.LOG_LOG, DEFAULT_LEVEL);
    }

    /** One curve over all rows (groups and strata ignored). */
    public static KaplanMeierFit fit(SurvivalData data, ConfidenceType type, double level) {
        if (type == null) {
            throw new IllegalArgumentException("confidence type must not be null");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        int n = data.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(data.time(a), data.time(b)));
        double z = Distributions.normalQuantile(1 - (1 - level) / 2);
        List<KaplanMeierStep> steps = new ArrayList<>();
        double survival = 1;
        double varianceSum = 0;
        int atRisk = n;
        for (int i = 0; i < n; ) {
            double t = data.time(order[i]);
            int events = 0;
            int censored = 0;
            while (i < n && data.time(order[i]) == t) {
                if (data.event(order[i])) {
                    events++;
                } else {
                    censored++;
                }
                i++;
            }
            if (events > 0) {
                survival *= 1 - (double) events / atRisk;
                varianceSum += events == atRisk
                        ? Double.POSITIVE_INFINITY
                        : events / ((double) atRisk * (atRisk - events));
            }
            double se = Math.sqrt(varianceSum);
            double[] ci = type.interval(survival, se, z);
            steps.add(new KaplanMeierStep(t, atRisk, events, censored, survival, se, ci[0], ci[1]));
            atRisk -= events + censored;
        }
        return new KaplanMeierFit(steps, n, type, level);
    }

    /**
     * One curve per group label, in sorted label order (R's factor-level order for ASCII labels), as
     * {@code survfit(Surv(time, status) ~ group)}.
     */
    public static Map<String, KaplanMeierFit> fitByGroup(SurvivalData data, ConfidenceType type, double level) {
        if (!data.hasGroups()) {
            throw new IllegalArgumentException("fitByGroup needs group labels: " + data);
        }
        Map<String, KaplanMeierFit> fits = new LinkedHashMap<>();
        for (String level0 : data.groupLevels()) {
            boolean[] keep = new boolean[data.size()];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = data.groups().get(i).equals(level0);
            }
            fits.put(level0, fit(data.subset(keep), type, level));
        }
        return fits;
    }

    /** {@link #fitByGroup(SurvivalData, ConfidenceType, double)} with log-log 95% intervals. */
    public static Map<String, KaplanMeierFit> fitByGroup(SurvivalData data) {
        return fitByGroup(data, ConfidenceType.LOG_LOG, DEFAULT_LEVEL);
    }
}
