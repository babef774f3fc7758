package org.tessera.heads;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/**
 * A fitted ridge head: what {@link RidgeHead#fit} returns. Immutable and serialisable (plain arrays, no
 * native memory), so it can be saved in a bundle and applied to new slides: prediction standardises the
 * features with the training means and scales, then applies each output's coefficients and intercept.
 */
public final class RidgeModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> outputNames;
    private final Standardization standardization;
    private final int p;
    private final double[] coefficients; // p x q, column-major: output j's coefficients at [j * p, (j + 1) * p)
    private final double[] intercepts;
    private final double[] lambdas;
    private final LeaveOneOut leaveOneOut;

    RidgeModel(List<String> outputNames, Standardization standardization, DenseMatrix coefficients, double[] intercepts,
            double[] lambdas, LeaveOneOut leaveOneOut) {
        this.outputNames = List.copyOf(outputNames);
        this.standardization = standardization;
        this.p = standardization.dimension();
        int q = outputNames.size();
        this.coefficients = new double[Math.multiplyExact(p, q)];
        for (int j = 0; j < q; j++) {
            for (int c = 0; c < p; c++) {
                this.coefficients[j * p + c] = coefficients.get(c, j);
            }
        }
        this.intercepts = intercepts.clone();
        this.lambdas = lambdas.clone();
        this.leaveOneOut = leaveOneOut;
    }

    /**
     * Predictions for every row of {@code x}: rows x outputs, columns in the order of {@link #outputNames()}.
     *
     * @throws IllegalArgumentException if {@code x} has a different number of features than the training matrix
     */
    public double[][] predict(FeatureMatrix x) {
        Objects.requireNonNull(x, "x");
        int q = outputNames.size();
        DenseMatrix z = standardization.apply(x);
        DenseMatrix b = DenseMatrix.zeros(ScalarType.Float64, p, q);
        for (int j = 0; j < q; j++) {
            for (int c = 0; c < p; c++) {
                b.set(c, j, coefficients[j * p + c]);
            }
        }
        DenseMatrix product = z.mm(b);
        double[][] out = new double[x.rows()][q];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < q; j++) {
                out[i][j] = intercepts[j] + product.get(i, j);
            }
        }
        return out;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    /** The number of features the model takes. */
    public int dimension() {
        return p;
    }

    /** One output's coefficients on the <em>standardised</em> features (scikit-learn's {@code coef_[j]}). */
    public double[] coefficients(int output) {
        Objects.checkIndex(output, outputNames.size());
        double[] c = new double[p];
        System.arraycopy(coefficients, output * p, c, 0, p);
        return c;
    }

    /** Per-output intercepts: the training mean of each output, as the standardised features are centred. */
    public double[] intercepts() {
        return intercepts.clone();
    }

    /** The lambda each output was fitted with. */
    public double[] lambdas() {
        return lambdas.clone();
    }

    /** The training means of the features. */
    public double[] featureMeans() {
        return standardization.mean().clone();
    }

    /** The training scales of the features (population standard deviation; 1 for constant features). */
    public double[] featureScales() {
        return standardization.scale().clone();
    }

    public LeaveOneOut leaveOneOut() {
        return leaveOneOut;
    }

    @Override
    public String toString() {
        return "RidgeModel[" + p + " features -> " + outputNames.size() + " outputs]";
    }
}
