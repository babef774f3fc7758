package org.tessera.heads;

import java.io.Serializable;
import java.util.List;

/**
 * The leave-one-out record of a ridge fit. Predictions are exact for ridge with its unpenalised intercept,
 * given the feature standardisation of the full training set (as scikit-learn's {@code RidgeCV} with
 * {@code cv=None} on pre-standardised X): each is what a fit without that row would predict for it,
 * y_i - e_i / (1 - h_ii) with e the residual and h the hat matrix.
 *
 * @param lambdas          the grid tried
 * @param meanSquaredError [output][lambda] mean of the squared leave-one-out residuals
 * @param predictions      [row][output] leave-one-out predictions at each output's chosen lambda
 */
public record LeaveOneOut(List<Double> lambdas, double[][] meanSquaredError, double[][] predictions) implements Serializable {
    public LeaveOneOut {
        lambdas = List.copyOf(lambdas);
        meanSquaredError = deepCopy(meanSquaredError);
        predictions = deepCopy(predictions);
    }

    @Override
    public double[][] meanSquaredError() {
        return deepCopy(meanSquaredError);
    }

    @Override
    public double[][] predictions() {
        return deepCopy(predictions);
    }

    /** Leave-one-out predictions of one output, one per training row. */
    public double[] predictions(int output) {
        double[] c = new double[predictions.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = predictions[i][output];
        }
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeaveOneOut l && lambdas.equals(l.lambdas)
                && java.util.Arrays.deepEquals(meanSquaredError, l.meanSquaredError)
                && java.util.Arrays.deepEquals(predictions, l.predictions);
    }

    @Override
    public int hashCode() {
        return lambdas.hashCode() * 31 + java.util.Arrays.deepHashCode(meanSquaredError);
    }

    @Override
    public String toString() {
        return "LeaveOneOut[" + predictions.length + " rows, lambdas " + lambdas + "]";
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
