package org.tessera.heads.tile;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A fitted logistic regression: the standardisation it was fitted under and the coefficients in
 * standardised units (comparable with scikit-learn's {@code coef_} after a {@code StandardScaler}).
 * Immutable; arrays are copied in and out.
 *
 * @param mean         per-feature mean of the training rows
 * @param scale        per-feature population standard deviation of the training rows (1 for a constant
 *                     feature, as scikit-learn's StandardScaler)
 * @param coefficients per-feature weights on the standardised features
 * @param intercept    the intercept on the standardised scale
 * @param iterations   L-BFGS iterations used
 * @param converged    whether the gradient tolerance was reached
 * @param objective    the final value of the scaled objective (see {@link LogisticOptions})
 */
public record LogisticModel(double[] mean, double[] scale, double[] coefficients, double intercept, int iterations,
        boolean converged, double objective) {
    public LogisticModel {
        mean = mean.clone();
        scale = scale.clone();
        coefficients = coefficients.clone();
        if (mean.length != coefficients.length || scale.length != coefficients.length) {
            throw new IllegalArgumentException("mean, scale and coefficients differ in length: " + mean.length + ", "
                    + scale.length + ", " + coefficients.length);
        }
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0) || !Double.isFinite(mean[j]) || !Double.isFinite(coefficients[j])) {
                throw new IllegalArgumentException("feature " + j + ": scale must be > 0 and mean and coefficient finite, got "
                        + scale[j] + ", " + mean[j] + ", " + coefficients[j]);
            }
        }
        if (!Double.isFinite(intercept)) {
            throw new IllegalArgumentException("intercept must be finite, got " + intercept);
        }
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    public int features() {
        return coefficients.length;
    }

    /** P(positive) for every row of the design, in row order. */
    public double[] probabilities(TileEmbeddings design) {
        return probabilities(design, IntStream.range(0, design.rows()).toArray());
    }

    /** P(positive) for the given rows of the design, in the given order. */
    public double[] probabilities(TileEmbeddings design, int[] rows) {
        if (design.cols() != features()) {
            throw new IllegalArgumentException("model has " + features() + " features, design has " + design.cols());
        }
        int p = features();
        double[] v = new double[p];
        double offset = intercept;
        for (int j = 0; j < p; j++) {
            v[j] = coefficients[j] / scale[j];
            offset -= v[j] * mean[j];
        }
        double b0 = offset;
        float[] x = design.values();
        double[] out = new double[rows.length];
        IntStream.range(0, rows.length).parallel().forEach(k -> {
            int r = java.util.Objects.checkIndex(rows[k], design.rows());
            out[k] = LogisticLoss.sigmoid(b0 + LogisticLoss.dot(v, x, r * p, p));
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticModel m && Arrays.equals(mean, m.mean) && Arrays.equals(scale, m.scale)
                && Arrays.equals(coefficients, m.coefficients) && Double.compare(intercept, m.intercept) == 0
                && iterations == m.iterations && converged == m.converged && Double.compare(objective, m.objective) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coefficients) + Double.hashCode(intercept);
    }

    @Override
    public String toString() {
        return "LogisticModel[" + features() + " features, intercept " + intercept + ", " + iterations + " iterations"
                + (converged ? "" : ", not converged") + "]";
    }
}
