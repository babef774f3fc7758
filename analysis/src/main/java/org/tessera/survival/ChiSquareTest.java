package org.tessera.survival;

/**
 * A chi-square test of a whole model (Wald, score or likelihood ratio), as R's {@code summary(coxph)} prints.
 *
 * @param statistic the statistic, finite and &ge; 0
 * @param df        degrees of freedom, &ge; 1
 * @param pValue    upper chi-square tail, in [0, 1]
 */
public record ChiSquareTest(double statistic, int df, double pValue) {
    public ChiSquareTest {
        if (!(statistic >= 0 && statistic < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("statistic must be finite and >= 0: " + statistic);
        }
        if (df < 1) {
            throw new IllegalArgumentException("df must be >= 1: " + df);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1]: " + pValue);
        }
    }

    static ChiSquareTest of(double statistic, int df) {
        return new ChiSquareTest(statistic, df, org.tessera.stats.Distributions.chiSquareSf(statistic, df));
    }
}
