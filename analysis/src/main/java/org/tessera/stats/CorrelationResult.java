package org.tessera.stats;

/**
 * A correlation coefficient with its two-sided p-value against zero correlation and the number of pairs it
 * was computed from.
 *
 * @param estimate the coefficient, in [-1, 1]
 * @param pValue   two-sided p-value, in [0, 1]
 * @param n        number of (x, y) pairs, at least 3
 */
public record CorrelationResult(double estimate, double pValue, int n) {
    public CorrelationResult {
        if (!(estimate >= -1 && estimate <= 1)) {
            throw new IllegalArgumentException("estimate must be in [-1, 1]: " + estimate);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("pValue must be in [0, 1]: " + pValue);
        }
        if (n < 3) {
            throw new IllegalArgumentException("n must be >= 3: " + n);
        }
    }
}
