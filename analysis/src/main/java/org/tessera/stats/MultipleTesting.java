package org.tessera.stats;

import java.util.Objects;

/**
 * Adjusted p-values for families of tests (one per gene, typically), matching statsmodels'
 * {@code multipletests}: method 'fdr_bh', 'bonferroni' and 'holm'. Each method takes the raw p-values in any
 * order and returns the adjusted ones in the same order; an empty family gives an empty result.
 *
 * <p>Conventions. Adjusted values are capped at 1. Tied p-values receive the same adjusted value whatever
 * their order (the running minimum / maximum below makes the result independent of how ties are sorted).
 * p-values must lie in [0, 1]; NaN is rejected with its index, never passed through.
 */
public final class MultipleTesting {
    private MultipleTesting() {
    }

    /**
     * Benjamini-Hochberg false discovery rate: for the i-th smallest of m p-values (i from 1),
     * min over j &ge; i of p_(j) m / j, capped at 1 (statsmodels 'fdr_bh', R p.adjust "BH").
     */
    public static double[] benjaminiHochberg(double[] pValues) {
        validate(pValues);
        int m = pValues.length;
        int[] order = Ranks.argsort(pValues);
        double[] adjusted = new double[m];
        double running = 1;
        for (int i = m - 1; i >= 0; i--) {
            // statsmodels divides by the empirical CDF (i + 1) / m; the same operation order is kept
            running = Math.min(running, pValues[order[i]] / ((i + 1.0) / m));
            adjusted[order[i]] = running;
        }
        return adjusted;
    }

    /** Bonferroni: min(1, p m) (statsmodels 'bonferroni', R p.adjust "bonferroni"). */
    public static double[] bonferroni(double[] pValues) {
        validate(pValues);
        int m = pValues.length;
        double[] adjusted = new double[m];
        for (int i = 0; i < m; i++) {
            adjusted[i] = Math.min(1, pValues[i] * m);
        }
        return adjusted;
    }

    /**
     * Holm's step-down: for the i-th smallest of m p-values (i from 1), max over j &le; i of
     * p_(j) (m - j + 1), capped at 1 (statsmodels 'holm', R p.adjust "holm").
     */
    public static double[] holm(double[] pValues) {
        validate(pValues);
        int m = pValues.length;
        int[] order = Ranks.argsort(pValues);
        double[] adjusted = new double[m];
        double running = 0;
        for (int i = 0; i < m; i++) {
            running = Math.max(running, pValues[order[i]] * (m - i));
            adjusted[order[i]] = Math.min(1, running);
        }
        return adjusted;
    }

    private static void validate(double[] pValues) {
        Objects.requireNonNull(pValues, "pValues");
        for (int i = 0; i < pValues.length; i++) {
            double p = pValues[i];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("pValues[" + i + "] must be in [0, 1]: " + p);
            }
        }
    }
}
