package org.tessera.heads.tile;

/**
 * Hyper-parameters of {@link LogisticRegression}.
 *
 * <p>The objective is scikit-learn's for {@code LogisticRegression(C=c, penalty="l2", fit_intercept=True)}
 * on standardised features, divided by the number of rows n (which changes no minimiser):
 * {@code (sum_i logloss_i + ||w||^2 / (2 C)) / n}, the intercept unpenalised. Dividing by n keeps the
 * gradient of order 1 whatever n is, so one tolerance serves a thousand rows and a million.
 *
 * @param c             inverse penalty strength, as scikit-learn's C; &gt; 0 and finite
 * @param maxIterations L-BFGS iterations at most, &gt;= 1
 * @param tolerance     stop when the largest absolute gradient component of the scaled objective is at most
 *                      this; &gt; 0
 * @param memory        L-BFGS correction pairs kept, &gt;= 1
 */
public record LogisticOptions(double c, int maxIterations, double tolerance, int memory) {
    public LogisticOptions {
        if (!(c > 0 && Double.isFinite(c))) {
            throw new IllegalArgumentException("C must be positive and finite, got " + c);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max iterations must be >= 1, got " + maxIterations);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + tolerance);
        }
        if (memory < 1) {
            throw new IllegalArgumentException("L-BFGS memory must be >= 1, got " + memory);
        }
    }

    /** C = 1 (scikit-learn's default), 500 iterations, gradient tolerance 1e-6, memory 10. */
    public static LogisticOptions defaults() {
        return new LogisticOptions(1.0, 500, 1e-6, 10);
    }

    /** The defaults with another C. */
    public static LogisticOptions withC(double c) {
        return new LogisticOptions(c, 500, 1e-6, 10);
    }
}
