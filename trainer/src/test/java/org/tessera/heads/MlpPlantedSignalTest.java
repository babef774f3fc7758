package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.train.MlpHead;

/**
 * The MLP on a seeded synthetic cohort: 10 standard normal features; two signal outputs that are non-linear
 * in them (2 tanh(x0) + x1^2 - 1, relu(x2 + x3) + x4 / 2, each plus N(0, 0.3^2)) and two pure-noise outputs.
 * No exact reference exists for an MLP (its result depends on the initial draws and batch order), so the
 * tests check determinism and held-out R^2 (1 - SSE / SST around the test mean) rather than digits.
 */
class MlpPlantedSignalTest {
    private static final List<String> NAMES = List.of("signal1", "signal2", "noise1", "noise2");
    private static FeatureMatrix train;
    private static Targets y;
    private static FeatureMatrix test;
    private static double[][] truth;

    @BeforeAll
    static void cohort() {
        Random random = new Random(20261122);
        double[][][] xy = draw(random, 600);
        train = matrix("train", xy[0]);
        y = new Targets(NAMES, xy[1]);
        double[][][] held = draw(random, 400);
        test = matrix("test", held[0]);
        truth = held[1];
    }

    private static double[][][] draw(Random random, int n) {
        double[][] x = new double[n][10];
        double[][] t = new double[n][4];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 10; c++) {
                x[i][c] = random.nextGaussian();
            }
            t[i][0] = 2 * Math.tanh(x[i][0]) + x[i][1] * x[i][1] - 1 + 0.3 * random.nextGaussian();
            t[i][1] = Math.max(0, x[i][2] + x[i][3]) + 0.5 * x[i][4] + 0.3 * random.nextGaussian();
            t[i][2] = random.nextGaussian();
            t[i][3] = random.nextGaussian();
        }
        return new double[][][] {x, t};
    }

    private static FeatureMatrix matrix(String prefix, double[][] rows) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            ids.add(prefix + i);
        }
        return FeatureMatrix.of(ids, rows);
    }

    private static double r2(double[][] predicted, int output, double baseline) {
        double mean = Arrays.stream(truth).mapToDouble(r -> r[output]).average().orElseThrow();
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < truth.length; i++) {
            double p = Double.isNaN(baseline) ? predicted[i][output] : baseline;
            sse += (truth[i][output] - p) * (truth[i][output] - p);
            sst += (truth[i][output] - mean) * (truth[i][output] - mean);
        }
        return 1 - sse / sst;
    }

    @Test
    void sameSeedGivesIdenticalPredictionsAndAnotherSeedDoesNot() {
        double[][] a = new MlpHead(MlpOptions.defaults(7)).fitPredict(train, y, test);
        double[][] b = new MlpHead(MlpOptions.defaults(7)).fitPredict(train, y, test);
        double[][] c = new MlpHead(MlpOptions.defaults(8)).fitPredict(train, y, test);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0, "row " + i);
        }
        assertFalse(Arrays.deepEquals(a, c), "seed 8 should draw other weights");
    }

    @Test
    void learnsTheNonLinearSignalAndNotTheNoise() {
        MlpModel model = Mlp.fit(train, y, MlpOptions.defaults(7));
        double[][] p = model.predict(test);
        for (int j = 0; j < 2; j++) {
            double r2 = r2(p, j, Double.NaN);
            double trainMean = Arrays.stream(y.column(j)).average().orElseThrow();
            assertTrue(r2 > 0.5, NAMES.get(j) + " held-out R2 " + r2 + " (" + model + ")");
            assertTrue(r2 > r2(p, j, trainMean), NAMES.get(j) + " R2 " + r2 + " not above the training mean's");
        }
        for (int j = 2; j < 4; j++) {
            double r2 = r2(p, j, Double.NaN);
            assertTrue(r2 <= 0.05, NAMES.get(j) + " held-out R2 " + r2);
        }
        assertTrue(model.epochsRun() <= 200 && model.validationLoss() > 0, model.toString());
    }

    @Test
    void badOptionsNameTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MlpOptions(64, 1e-4, 1e-3, 200, 32, 0.7, 20, 1));
        assertEquals("validation fraction must be in [0, 0.5], got 0.7", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MlpOptions(0, 1e-4, 1e-3, 200, 32, 0.1, 20, 1));
        assertThrows(IllegalArgumentException.class, () -> new MlpOptions(8, -1, 1e-3, 200, 32, 0.1, 20, 1));
    }
}
