package org.tessera.stats;

import java.util.Objects;

/**
 * Regression metrics for predicted against measured expression: the predictive R^2 that expression
 * benchmarks report per gene, and the root mean squared error.
 */
public final class Metrics {
    private Metrics() {
    }

    /**
     * Predictive R^2 = 1 - SS_res / SS_tot, with SS_tot taken about the mean of the observed values
     * (sklearn.metrics.r2_score). It is not a squared correlation: it is negative when the predictions do
     * worse than the observed mean. Constant observations make SS_tot zero; sklearn then returns 1 or 0 by
     * convention, here that is an error, since R^2 is undefined.
     *
     * @throws IllegalArgumentException if the lengths differ, n &lt; 2, a value is not finite, or
     *                                  {@code observed} is constant
     */
    public static double r2Pred(double[] observed, double[] predicted) {
        checkPairs(observed, predicted, 2);
        boolean constant = true;
        for (double v : observed) {
            constant &= v == observed[0];
        }
        if (constant) {
            throw new IllegalArgumentException("observed is constant: R^2 undefined");
        }
        double mean = 0;
        for (double v : observed) {
            mean += v;
        }
        mean /= observed.length;
        double ssRes = 0;
        double ssTot = 0;
        for (int i = 0; i < observed.length; i++) {
            double res = observed[i] - predicted[i];
            double dev = observed[i] - mean;
            ssRes += res * res;
            ssTot += dev * dev;
        }
        return 1 - ssRes / ssTot;
    }

    /**
     * Root mean squared error sqrt(mean((observed - predicted)^2)), with divisor n (sklearn's
     * root_mean_squared_error).
     *
     * @throws IllegalArgumentException if the lengths differ, the arrays are empty, or a value is not finite
     */
    public static double rmse(double[] observed, double[] predicted) {
        checkPairs(observed, predicted, 1);
        double sum = 0;
        for (int i = 0; i < observed.length; i++) {
            double res = observed[i] - predicted[i];
            sum += res * res;
        }
        return Math.sqrt(sum / observed.length);
    }

    private static void checkPairs(double[] observed, double[] predicted, int minimum) {
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(predicted, "predicted");
        if (observed.length != predicted.length) {
            throw new IllegalArgumentException(
                    "observed and predicted differ in length: " + observed.length + " vs " + predicted.length);
        }
        if (observed.length < minimum) {
            throw new IllegalArgumentException("need at least " + minimum + " values: n=" + observed.length);
        }
        requireFinite(observed, "observed");
        requireFinite(predicted, "predicted");
    }

    private static void requireFinite(double[] v, String name) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + v[i]);
            }
        }
    }
}
