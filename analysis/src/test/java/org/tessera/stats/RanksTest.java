package org.tessera.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Average ranks against scipy.stats.rankdata (scipy 1.10.1). The expected values were printed once by
 * (/usr/bin/python3):
 *
 * <pre>
 * import csv, numpy as np
 * from scipy import stats
 * rows = list(csv.reader(open("/work/shared/tcga-brca/pam50_expression.csv")))
 * X = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
 * x = np.round(X[:60, rows[0][1:].index("ESR1")] / 1000)
 * print("rankdata", stats.rankdata(x[:12]).tolist(), x[:12].tolist())
 * print(stats.rankdata([0.0, -0.0, 1.0]).tolist())
 * </pre>
 *
 * giving ranks [4.0, 1.0, 9.5, 3.0, 8.0, 9.5, 6.0, 6.0, 2.0, 12.0, 6.0, 11.0] for the values
 * [3.0, 0.0, 7.0, 2.0, 6.0, 7.0, 4.0, 4.0, 1.0, 10.0, 4.0, 8.0], and [1.5, 1.5, 3.0].
 */
class RanksTest {
    @Test
    void tiesGetTheAverageOfTheirRanksAsInScipyRankdata() {
        Pam50 data = Pam50.load();
        double[] x = data.raw("ESR1", 12);
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.rint(x[i] / 1000);
        }
        assertArrayEquals(new double[] {3, 0, 7, 2, 6, 7, 4, 4, 1, 10, 4, 8}, x, "rounded ESR1 values");
        assertArrayEquals(new double[] {4, 1, 9.5, 3, 8, 9.5, 6, 6, 2, 12, 6, 11}, Ranks.average(x), 0.0);
    }

    @Test
    void negativeZeroTiesWithZero() {
        assertArrayEquals(new double[] {1.5, 1.5, 3}, Ranks.average(new double[] {0.0, -0.0, 1.0}), 0.0);
    }

    @Test
    void infinitiesRankAtTheEnds() {
        double[] v = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0, 5, 5};
        assertArrayEquals(new double[] {5, 1, 2, 3.5, 3.5}, Ranks.average(v), 0.0);
    }

    @Test
    void largeInputWithManyTiesGetsAverageRanks() {
        // 10,000 values cycling through 0..9: each value has 1,000 copies occupying a block of ranks
        double[] v = new double[10_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i * 7) % 10;
        }
        double[] ranks = Ranks.average(v);
        for (int i = 0; i < v.length; i++) {
            double block = v[i] * 1000;
            assertTrue(ranks[i] == block + 500.5, "rank of " + v[i] + " at " + i + ": " + ranks[i]);
        }
    }

    @Test
    void emptyInputGivesEmptyRanks() {
        assertArrayEquals(new double[0], Ranks.average(new double[0]), 0.0);
    }

    @Test
    void nanIsRejectedWithItsIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ranks.average(new double[] {1, 2, Double.NaN, 4}));
        assertTrue(e.getMessage().contains("values[2] is NaN"), e.getMessage());
    }
}
