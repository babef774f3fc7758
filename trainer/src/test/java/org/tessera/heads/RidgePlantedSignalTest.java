package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.stats.Correlation;

/**
 * A known answer: 60 Gaussian features; outputs 0-2 are linear in 10 of them plus noise (signal variance 10x
 * the noise's), outputs 3-5 are pure noise. Fitted on 300 rows with the penalty chosen per output by
 * leave-one-out, tested on 200 held-out rows of the same generator (seeded).
 */
class RidgePlantedSignalTest {
    private static final int P = 60;
    private static final int SIGNAL = 3;
    private static final int NOISE = 3;

    private record Data(FeatureMatrix x, Targets y) {
    }

    private static Data generate(Random r, double[][] weights, int n, String prefix) {
        List<String> ids = new ArrayList<>();
        double[][] x = new double[n][P];
        double[][] y = new double[n][SIGNAL + NOISE];
        for (int i = 0; i < n; i++) {
            ids.add(prefix + i);
            for (int c = 0; c < P; c++) {
                x[i][c] = 5 + 2 * r.nextGaussian(); // not standardised: the head must do it
            }
            for (int j = 0; j < SIGNAL + NOISE; j++) {
                double signal = 0;
                if (j < SIGNAL) {
                    for (int c = 0; c < P; c++) {
                        signal += weights[j][c] * x[i][c];
                    }
                }
                y[i][j] = signal + r.nextGaussian();
            }
        }
        List<String> names = IntStream.range(0, SIGNAL + NOISE).mapToObj(j -> (j < SIGNAL ? "signal" : "noise") + j).toList();
        return new Data(FeatureMatrix.of(ids, x), new Targets(names, y));
    }

    @Test
    void recoversPlantedSignalOutputsAndNotNoiseOutputs() {
        Random r = new Random(20240611);
        double[][] weights = new double[SIGNAL][P];
        for (int j = 0; j < SIGNAL; j++) {
            for (int k = 0; k < 10; k++) { // 10 informative features per output; signal variance ~ 10 * 4 * 0.25 = 10
                weights[j][r.nextInt(P)] = r.nextBoolean() ? 0.5 : -0.5;
            }
        }
        Data train = generate(r, weights, 300, "train");
        Data test = generate(r, weights, 200, "test");
        RidgeModel model = RidgeHead.fit(train.x(), train.y(), RidgeOptions.perOutput(0.1, 1, 10, 100, 1000, 10000, 100000));
        double[][] predicted = model.predict(test.x());
        double[] lambdas = model.lambdas();
        for (int j = 0; j < SIGNAL + NOISE; j++) {
            final int col = j;
            double[] p = IntStream.range(0, predicted.length).mapToDouble(i -> predicted[i][col]).toArray();
            double rho = Correlation.pearson(p, test.y().column(j)).estimate();
            if (j < SIGNAL) {
                assertTrue(rho > 0.8, "signal output " + j + ": held-out r = " + rho);
                assertTrue(lambdas[j] <= 100, "signal output " + j + " should be lightly penalised, lambda " + lambdas[j]);
            } else {
                assertTrue(Math.abs(rho) < 0.2, "noise output " + j + ": held-out r = " + rho);
                assertTrue(lambdas[j] >= 1000, "noise output " + j + " should be shrunk hard, lambda " + lambdas[j]);
            }
        }
    }
}
