package org.tessera.bundle;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.PerGeneModel;
import org.tessera.heads.RidgeModel;

/**
 * A linear head in the original feature space: {@code y[j] = b[j] + sum_k x[k] * W[k][j]} for pooled feature
 * vector {@code x}. Ridge heads standardise their features before the coefficients; folding the training
 * means and scales into {@code W} and {@code b} leaves a form any language can apply with one matrix
 * product, which is why bundles store this rather than the head's own object.
 *
 * @param features     the number of features p
 * @param outputs      the output (gene) names, q of them, distinct
 * @param coefficients p x q, row-major (row = feature, column = output): {@code W[k][j]} at {@code k * q + j}
 * @param intercepts   q intercepts
 */
public record LinearWeights(int features, List<String> outputs, double[] coefficients, double[] intercepts) {
    public LinearWeights {
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(coefficients, "coefficients");
        Objects.requireNonNull(intercepts, "intercepts");
        if (features < 1) {
            throw new IllegalArgumentException("a linear head needs at least one feature, got " + features);
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a linear head needs at least one output");
        }
        if (new HashSet<>(outputs).size() != outputs.size()) {
            throw new IllegalArgumentException("output names must be distinct");
        }
        if (coefficients.length != (long) features * outputs.size()) {
            throw new IllegalArgumentException(features + " features x " + outputs.size() + " outputs need "
                    + (long) features * outputs.size() + " coefficients, got " + coefficients.length);
        }
        if (intercepts.length != outputs.size()) {
            throw new IllegalArgumentException(outputs.size() + " outputs but " + intercepts.length + " intercepts");
        }
        coefficients = finite(coefficients.clone(), "coefficient");
        intercepts = finite(intercepts.clone(), "intercept");
    }

    private static double[] finite(double[] values, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " " + i + " is " + values[i]);
            }
        }
        return values;
    }

    /**
     * The weights of a multi-output ridge head: {@code W[k][j] = c[k][j] / scale[k]} and
     * {@code b[j] = intercept[j] - sum_k W[k][j] * mean[k]}, from its standardised coefficients.
     */
    public static LinearWeights of(RidgeModel model) {
        int p = model.dimension();
        List<String> names = model.outputNames();
        int q = names.size();
        double[] mean = model.featureMeans();
        double[] scale = model.featureScales();
        double[] b = model.intercepts();
        double[] w = new double[Math.multiplyExact(p, q)];
        for (int j = 0; j < q; j++) {
            double[] c = model.coefficients(j);
            for (int k = 0; k < p; k++) {
                double original = c[k] / scale[k];
                w[k * q + j] = original;
                b[j] -= original * mean[k];
            }
        }
        return new LinearWeights(p, names, w, b);
    }

    /** The weights of a per-gene ridge head, from its original-space coefficients and intercepts. */
    public static LinearWeights of(PerGeneModel model) {
        int p = model.dimension();
        List<String> genes = model.genes();
        int q = genes.size();
        double[] w = new double[Math.multiplyExact(p, q)];
        double[] b = new double[q];
        for (int j = 0; j < q; j++) {
            double[] c = model.originalCoefficients(j);
            for (int k = 0; k < p; k++) {
                w[k * q + j] = c[k];
            }
            b[j] = model.originalIntercept(j);
        }
        return new LinearWeights(p, genes, w, b);
    }

    /** A copy of the coefficients, row-major p x q. */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** A copy of the intercepts. */
    @Override
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** The coefficient of feature {@code k} for output {@code j}. */
    public double weight(int k, int j) {
        Objects.checkIndex(k, features);
        Objects.checkIndex(j, outputs.size());
        return coefficients[k * outputs.size() + j];
    }

    /**
     * Predictions for every row of {@code x}, rows x outputs.
     *
     * @throws IllegalArgumentException if {@code x} does not have {@link #features()} columns or holds a
     *                                  non-finite value
     */
    public double[][] predict(FeatureMatrix x) {
        Objects.requireNonNull(x, "x");
        if (x.cols() != features) {
            throw new IllegalArgumentException("the feature matrix has " + x.cols() + " columns but the head takes "
                    + features + " features");
        }
        int q = outputs.size();
        double[] values = x.toRowMajor();
        double[][] out = new double[x.rows()][];
        for (int i = 0; i < out.length; i++) {
            double[] y = intercepts.clone();
            for (int k = 0; k < features; k++) {
                double v = values[i * features + k];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("feature " + k + " of slide " + x.slideId(i) + " is " + v);
                }
                int at = k * q;
                for (int j = 0; j < q; j++) {
                    y[j] += v * coefficients[at + j];
                }
            }
            out[i] = y;
        }
        return out;
    }

    /** Two weights are equal when every number is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof LinearWeights w && features == w.features && outputs.equals(w.outputs)
                && java.util.Arrays.equals(coefficients, w.coefficients) && java.util.Arrays.equals(intercepts, w.intercepts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(features, outputs, java.util.Arrays.hashCode(coefficients), java.util.Arrays.hashCode(intercepts));
    }

    @Override
    public String toString() {
        return "LinearWeights[" + features + " features -> " + outputs.size() + " outputs]";
    }
}
