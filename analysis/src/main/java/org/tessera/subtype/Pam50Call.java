package org.tessera.subtype;

import java.util.Objects;

/**
 * The PAM50 call for one sample.
 *
 * @param sample       sample id from the matrix
 * @param subtype      the centroid with the highest Spearman correlation (ties: the earlier in {@link Subtype}
 *                     order)
 * @param correlations Spearman correlation with each centroid, indexed by {@link Subtype#ordinal()}
 * @param rorS         0.05 Basal + 0.12 Her2 - 0.34 LumA + 0.23 LumB on those correlations (genefu's ROR-S
 *                     coefficients; Normal has weight 0)
 */
public record Pam50Call(String sample, Subtype subtype, double[] correlations, double rorS) {
    public Pam50Call {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(subtype, "subtype");
        if (correlations.length != Subtype.values().length) {
            throw new IllegalArgumentException("need " + Subtype.values().length + " correlations: "
                    + correlations.length);
        }
        correlations = correlations.clone();
        for (double r : correlations) {
            if (!(r >= -1 && r <= 1)) {
                throw new IllegalArgumentException("correlation outside [-1, 1] for " + sample + ": " + r);
            }
        }
        if (!Double.isFinite(rorS)) {
            throw new IllegalArgumentException("rorS not finite for " + sample + ": " + rorS);
        }
    }

    @Override
    public double[] correlations() {
        return correlations.clone();
    }

    public double correlation(Subtype s) {
        return correlations[s.ordinal()];
    }

    /** ROR-S weights by {@link Subtype#ordinal()}: Basal, Her2, LumA, LumB, Normal. */
    static double rorS(double[] correlations) {
        double[] w = {0.05, 0.12, -0.34, 0.23, 0.0};
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i] * correlations[i];
        }
        return sum;
    }
}
