package org.tessera.heads.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Behaviour of {@link LogisticRegression} beyond agreement with scikit-learn (see the Sklearn test). */
class LogisticRegressionTest {
    @Test
    void fittingOnChosenRowsEqualsFittingOnACopyOfThem() {
        Random r = new Random(3);
        int n = 5000;
        int p = 7;
        float[] x = new float[n * p];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double z = 0;
            for (int j = 0; j < p; j++) {
                x[i * p + j] = (float) (r.nextGaussian() * (j + 1) + j);
                z += (j % 2 == 0 ? 0.5 : -0.3) * x[i * p + j];
            }
            y[i] = r.nextDouble() < LogisticLoss.sigmoid(z - 0.5);
        }
        TileEmbeddings all = TileEmbeddings.wrap(x, p);
        int[] odd = new int[n / 2];
        float[] copy = new float[odd.length * p];
        boolean[] yOdd = new boolean[odd.length];
        for (int k = 0; k < odd.length; k++) {
            odd[k] = 2 * k + 1;
            System.arraycopy(x, odd[k] * p, copy, k * p, p);
            yOdd[k] = y[odd[k]];
        }
        LogisticModel picked = LogisticRegression.fit(all, odd, yOdd, LogisticOptions.defaults());
        LogisticModel copied = LogisticRegression.fit(TileEmbeddings.wrap(copy, p), yOdd, LogisticOptions.defaults());
        assertEquals(copied, picked);
        assertTrue(picked.converged());
    }

    @Test
    void probabilitiesAreTheSigmoidOfTheStandardisedLinearPredictor() {
        float[] x = {1, 10, 2, 20, 3, 35, 4, 41, 5, 50, 6, 58};
        boolean[] y = {false, false, true, false, true, true};
        TileEmbeddings d = TileEmbeddings.wrap(x, 2);
        LogisticModel m = LogisticRegression.fit(d, y, LogisticOptions.withC(0.5));
        double[] w = m.coefficients();
        double[] mu = m.mean();
        double[] s = m.scale();
        assertEquals(3.5, mu[0], 1e-12); // mean of 1..6
        assertEquals(Math.sqrt(17.5 / 6), s[0], 1e-12); // population sd of 1..6
        double[] prob = m.probabilities(d);
        for (int i = 0; i < 6; i++) {
            double z = m.intercept() + w[0] * (x[2 * i] - mu[0]) / s[0] + w[1] * (x[2 * i + 1] - mu[1]) / s[1];
            assertEquals(1 / (1 + Math.exp(-z)), prob[i], 1e-12);
        }
        assertArrayEquals(new double[] {prob[4], prob[1]}, m.probabilities(d, new int[] {4, 1}), 0);
    }

    @Test
    void oneClassIsRejected() {
        TileEmbeddings d = TileEmbeddings.wrap(new float[] {1, 2, 3}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LogisticRegression.fit(d, new boolean[] {true, true, true}, LogisticOptions.defaults()));
        assertTrue(e.getMessage().contains("3 positives among 3 rows"), e.getMessage());
    }

    @Test
    void badOptionsAndShapesAreRejectedByValue() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogisticOptions(0, 10, 1e-6, 5)).getMessage()
                .contains("got 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LogisticOptions(1, 0, 1e-6, 5)).getMessage()
                .contains("got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TileEmbeddings.wrap(new float[7], 2)).getMessage()
                .contains("7 values"));
    }
}
