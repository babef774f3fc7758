package org.tessera.heads;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;

/**
 * A fitted one-hidden-layer regressor: what {@link Mlp#fit} returns. Immutable and serialisable (plain
 * arrays). Prediction standardises the features with the training means and scales, applies
 * relu(z W1 + b1) W2 + b2, and maps each output back from its training standardisation.
 */
public final class MlpModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> outputNames;
    private final Standardization standardization;
    private final Mlp.Weights weights;
    private final double[] outputMeans;
    private final double[] outputScales;
    private final int epochsRun;
    private final double validationLoss;

    MlpModel(List<String> outputNames, Standardization standardization, Mlp.Weights weights, double[] outputMeans,
            double[] outputScales, int epochsRun, double validationLoss) {
        this.outputNames = List.copyOf(outputNames);
        this.standardization = standardization;
        this.weights = weights.copy();
        this.outputMeans = outputMeans.clone();
        this.outputScales = outputScales.clone();
        this.epochsRun = epochsRun;
        this.validationLoss = validationLoss;
    }

    /**
     * Predictions for every row of {@code x}: rows x outputs, in the order of {@link #outputNames()}.
     *
     * @throws IllegalArgumentException if {@code x} has a different number of features than the training matrix
     */
    public double[][] predict(FeatureMatrix x) {
        Objects.requireNonNull(x, "x");
        double[] z = Dense.values(standardization.apply(x)); // column-major n x p
        int n = x.rows();
        int p = standardization.dimension();
        double[][] out = new double[n][];
        double[] row = new double[p];
        double[] hidden = new double[weights.hidden()];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < p; c++) {
                row[c] = z[c * n + i];
            }
            double[] o = weights.forward(row, hidden);
            for (int j = 0; j < o.length; j++) {
                o[j] = outputMeans[j] + outputScales[j] * o[j];
            }
            out[i] = o;
        }
        return out;
    }

    public List<String> outputNames() {
        return outputNames;
    }

    /** Epochs trained before early stopping (or all of them). */
    public int epochsRun() {
        return epochsRun;
    }

    /** Mean squared error (standardised outputs) on the validation rows at the kept weights; NaN without validation. */
    public double validationLoss() {
        return validationLoss;
    }

    @Override
    public String toString() {
        return "MlpModel[" + standardization.dimension() + " features -> " + weights.hidden() + " relu -> "
                + outputNames.size() + " outputs, " + epochsRun + " epochs]";
    }
}
