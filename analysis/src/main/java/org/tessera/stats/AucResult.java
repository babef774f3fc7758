package org.tessera.stats;

/**
 * A ROC AUC with its percentile bootstrap confidence interval, and what it was computed from, so that a
 * reported interval can be reproduced (same scores, same B, same seed).
 *
 * @param auc       the area under the ROC curve, in [0, 1]; ties between a positive and a negative count 1/2
 * @param lower     the lower end of the 95% percentile bootstrap interval, in [0, auc]
 * @param upper     the upper end, in [auc, 1]
 * @param nPositive the number of positives, at least 1
 * @param nNegative the number of negatives, at least 1
 * @param bootstrap the number of bootstrap resamples B, at least 1
 * @param seed      the seed of the resampling ({@link java.util.Random})
 */
public record AucResult(double auc, double lower, double upper, int nPositive, int nNegative, int bootstrap, long seed) {
    public AucResult {
        if (!(auc >= 0 && auc <= 1)) {
            throw new IllegalArgumentException("AUC must be in [0, 1], got " + auc);
        }
        if (!(lower >= 0 && lower <= auc && auc <= upper && upper <= 1)) {
            throw new IllegalArgumentException("interval must satisfy 0 <= lower <= auc <= upper <= 1, got [" + lower + ", "
                    + upper + "] around " + auc);
        }
        if (nPositive < 1 || nNegative < 1) {
            throw new IllegalArgumentException("need at least one positive and one negative, got " + nPositive + " and " + nNegative);
        }
        if (bootstrap < 1) {
            throw new IllegalArgumentException("bootstrap resamples must be >= 1, got " + bootstrap);
        }
    }

    @Override
    public String toString() {
        return String.format("AUC %.4f [%.4f, %.4f] (%d pos, %d neg, B=%d, seed %d)", auc, lower, upper, nPositive, nNegative,
                bootstrap, seed);
    }
}
