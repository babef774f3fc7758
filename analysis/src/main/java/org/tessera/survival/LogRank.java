package org.tessera.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tessera.stats.Distributions;

/**
 * The k-group log-rank test, plain or stratified, equal to R's {@code survdiff(Surv(time, status) ~ group)}
 * and {@code survdiff(Surv(time, status) ~ group + strata(s))} (rho = 0).
 *
 * <p>Conventions, all R's: at each distinct event time with n at risk and d events, group j expects
 * d n_j / n events and contributes the hypergeometric covariance d (n - d) / (n - 1) (n_j / n)(δ_jk - n_k / n)
 * (no contribution when n = 1); a patient censored at an event time is still at risk. Stratified tests sum
 * observed, expected and covariance over strata, each stratum with its own risk sets. Groups whose expected
 * count is 0 are dropped, and the statistic is (O - E)' V^-1 (O - E) over the remaining groups but the first,
 * with df = remaining groups - 1. No continuity correction.
 */
public final class LogRank {
    private LogRank() {
    }

    /**
     * Tests equality of the groups labelled in {@code data}; stratified when {@code data} has strata.
     *
     * @throws IllegalArgumentException without group labels, with fewer than two groups, without events, or
     *                                  when fewer than two groups have anyone at risk at an event time
     */
    public static LogRankResult test(SurvivalData data) {
        if (!data.hasGroups()) {
            throw new IllegalArgumentException("log-rank test needs group labels: " + data);
        }
        List<String> levels = data.groupLevels();
        int k = levels.size();
        if (k < 2) {
            throw new IllegalArgumentException("log-rank test needs at least 2 groups, got only " + levels);
        }
        if (data.events() == 0) {
            throw new IllegalArgumentException("log-rank test needs at least one event; all " + data.size()
                    + " rows are censored");
        }
        int[] group = new int[data.size()];
        int[] sizes = new int[k];
        for (int i = 0; i < group.length; i++) {
            group[i] = levels.indexOf(data.groups().get(i));
            sizes[group[i]]++;
        }
        double[] observed = new double[k];
        double[] expected = new double[k];
        double[][] variance = new double[k][k];
        List<String> strata = data.hasStrata() ? data.strataLevels() : List.of("");
        for (String stratum : strata) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < group.length; i++) {
                if (!data.hasStrata() || data.strata().get(i).equals(stratum)) {
                    rows.add(i);
                }
            }
            accumulate(data, group, rows, observed, expected, variance);
        }
        return statistic(levels, sizes, observed, expected, variance, strata.size());
    }

    /** Adds one stratum's observed, expected and covariance, walking the risk sets from the last time down. */
    private static void accumulate(SurvivalData data, int[] group, List<Integer> rows, double[] observed,
            double[] expected, double[][] variance) {
        int k = observed.length;
        Integer[] order = rows.toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(data.time(b), data.time(a)));
        double[] atRisk = new double[k];
        double total = 0;
        for (int i = 0; i < order.length; ) {
            double t = data.time(order[i]);
            double[] deaths = new double[k];
            double d = 0;
            while (i < order.length && data.time(order[i]) == t) {
                int g = group[order[i]];
                atRisk[g]++;
                total++;
                if (data.event(order[i])) {
                    deaths[g]++;
                    d++;
                }
                i++;
            }
            if (d == 0) {
                continue;
            }
            double n = total;
            double hyper = n > 1 ? d * (n - d) / (n - 1) : 0;
            for (int j = 0; j < k; j++) {
                observed[j] += deaths[j];
                expected[j] += d * atRisk[j] / n;
                for (int m = 0; m < k; m++) {
                    variance[j][m] += hyper * (atRisk[j] / n) * ((j == m ? 1 : 0) - atRisk[m] / n);
                }
            }
        }
    }

    private static LogRankResult statistic(List<String> levels, int[] sizes, double[] observed, double[] expected,
            double[][] variance, int strata) {
        int k = levels.size();
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (expected[j] > 0) {
                kept.add(j);
            }
        }
        if (kept.size() < 2) {
            throw new IllegalArgumentException("log-rank test needs at least 2 groups with patients at risk at "
                    + "an event time; expected events " + Arrays.toString(expected) + " for " + levels);
        }
        int m = kept.size() - 1;
        double[][] v = new double[m][m];
        double[] diff = new double[m];
        for (int a = 0; a < m; a++) {
            int ja = kept.get(a + 1);
            diff[a] = observed[ja] - expected[ja];
            for (int b = 0; b < m; b++) {
                v[a][b] = variance[ja][kept.get(b + 1)];
            }
        }
        Ldl ldl = Ldl.decompose(v, Ldl.DEFAULT_TOLERANCE);
        if (ldl.rank() < m) {
            throw new IllegalArgumentException("log-rank covariance matrix is singular for groups " + levels);
        }
        double[] solved = ldl.solve(diff);
        double chi = 0;
        for (int a = 0; a < m; a++) {
            chi += solved[a] * diff[a];
        }
        chi = Math.max(chi, 0); // a quadratic form of a positive definite matrix; guards -0 and rounding
        List<LogRankGroup> rows = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            rows.add(new LogRankGroup(levels.get(j), sizes[j], observed[j], expected[j]));
        }
        return new LogRankResult(rows, chi, m, Distributions.chiSquareSf(chi, m), strata);
    }
}
