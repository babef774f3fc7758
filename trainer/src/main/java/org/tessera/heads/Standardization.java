package org.tessera.heads;

import java.io.Serializable;
import org.tessera.featureset.FeatureMatrix;
import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/**
 * Per-feature centring and scaling learnt on the training rows and applied unchanged to new rows. The
 * scale is the population standard deviation (divisor n, as scikit-learn's {@code StandardScaler}); a
 * constant feature gets scale 1, so it becomes 0 everywhere and carries no weight, instead of NaN.
 */
record Standardization(double[] mean, double[] scale) implements Serializable {
    private static final double EPS = Math.ulp(1.0);

    static Standardization fit(FeatureMatrix x) {
        int n = x.rows();
        int p = x.cols();
        double[] values = x.toRowMajor();
        double[] mean = new double[p];
        double[] m2 = new double[p];
        for (int i = 0; i < n; i++) { // Welford, row by row
            double inverse = 1.0 / (i + 1);
            for (int j = 0; j < p; j++) {
                double v = values[i * p + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("feature " + j + " of row " + i + " (slide " + x.slideId(i) + ") is " + v);
                }
                double delta = v - mean[j];
                mean[j] += delta * inverse;
                m2[j] += delta * (v - mean[j]);
            }
        }
        double[] scale = new double[p];
        for (int j = 0; j < p; j++) {
            double sd = Math.sqrt(m2[j] / n);
            // Constant up to rounding (scikit-learn's test: sd <= n * eps * |mean|), else rounding noise
            // would be blown up into a feature.
            scale[j] = sd == 0 || sd <= n * EPS * Math.abs(mean[j]) ? 1.0 : sd;
        }
        return new Standardization(mean, scale);
    }

    int dimension() {
        return mean.length;
    }

    /** The standardised rows of {@code x} as a Smile column-major matrix. */
    DenseMatrix apply(FeatureMatrix x) {
        if (x.cols() != mean.length) {
            throw new IllegalArgumentException("matrix has " + x.cols() + " features, the model was fitted on " + mean.length);
        }
        int n = x.rows();
        int p = x.cols();
        double[] values = x.toRowMajor();
        DenseMatrix z = DenseMatrix.zeros(ScalarType.Float64, n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double v = values[i * p + j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("feature " + j + " of row " + i + " (slide " + x.slideId(i) + ") is " + v);
                }
                z.set(i, j, (v - mean[j]) / scale[j]);
            }
        }
        return z;
    }
}
