package org.tessera.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.stats.Assert.assertRelative;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Pearson and Spearman correlations on the TCGA-BRCA PAM50 table against scipy 1.10.1. The expected values
 * were printed once by (/usr/bin/python3):
 *
 * <pre>
 * import csv, numpy as np
 * from scipy import stats
 * rows = list(csv.reader(open("/work/shared/tcga-brca/pam50_expression.csv")))
 * g = {name: i for i, name in enumerate(rows[0][1:])}
 * X = np.array([[float(v) for v in r[1:]] for r in rows[1:]])
 * L = np.log2(1 + X)
 * col = lambda m, gene, n=None: m[:n, g[gene]]
 * for a, b, n in [("ESR1", "PGR", None), ("ERBB2", "GRB7", None), ("ESR1", "MYC", 30)]:
 *     print(a, b, n, stats.pearsonr(col(L, a, n), col(L, b, n)), stats.spearmanr(col(L, a, n), col(L, b, n)))
 * print("MIA KRT14 300 raw", stats.spearmanr(col(X, "MIA", 300), col(X, "KRT14", 300)))
 * x, y = np.round(col(X, "ESR1", 60) / 1000), np.round(col(X, "PGR", 60) / 100)
 * print("rounded", len(set(x)), len(set(y)), stats.spearmanr(x, y))
 * </pre>
 *
 * and, for the 49 Spearman p-values of ESR1 against every other gene over the first 40 patients:
 *
 * <pre>
 * X = np.array([[float(v) for v in r[1:]] for r in rows[1:41]]); genes = rows[0][1:]
 * esr1 = X[:, genes.index("ESR1")]
 * p = np.array([stats.spearmanr(esr1, X[:, j]).pvalue for j, name in enumerate(genes) if name != "ESR1"])
 * print("raw", p.tolist())
 * </pre>
 *
 * Coefficients are compared to 1e-12 absolute. p-values span 1e-297 to 0.15, so they are compared in relative
 * terms, to 1e-11: a p-value of 1e-297 from 1093 pairs moves by about 3000 times the relative change in r, and
 * Java's and numpy's sums differ in the last bits.
 */
class CorrelationTest {
    private static final double R_TOLERANCE = 1e-12;
    private static final double P_TOLERANCE = 1e-11;

    private static void assertResult(double r, double p, int n, CorrelationResult actual, String what) {
        assertEquals(r, actual.estimate(), R_TOLERANCE, what + " estimate");
        assertRelative(p, actual.pValue(), P_TOLERANCE, what + " p-value");
        assertEquals(n, actual.n(), what + " n");
    }

    @Test
    void pearsonOfEsr1AndPgrMatchesScipy() {
        Pam50 data = Pam50.load();
        assertResult(0.6701138679593642, 2.1472141127187307e-143, 1093,
                Correlation.pearson(data.log2("ESR1"), data.log2("PGR")), "pearson ESR1 PGR");
    }

    @Test
    void pearsonOfErbb2AndGrb7KeepsRelativePrecisionNearUnderflow() {
        Pam50 data = Pam50.load();
        assertResult(0.8435192843662342, 8.828026528217167e-297, 1093,
                Correlation.pearson(data.log2("ERBB2"), data.log2("GRB7")), "pearson ERBB2 GRB7");
    }

    @Test
    void spearmanOfEsr1AndPgrMatchesScipy() {
        Pam50 data = Pam50.load();
        assertResult(0.5506678358213221, 1.1084072006083247e-87, 1093,
                Correlation.spearman(data.log2("ESR1"), data.log2("PGR")), "spearman ESR1 PGR");
    }

    @Test
    void spearmanOfErbb2AndGrb7MatchesScipy() {
        Pam50 data = Pam50.load();
        assertResult(0.6783549691091619, 3.1564510878579526e-148, 1093,
                Correlation.spearman(data.log2("ERBB2"), data.log2("GRB7")), "spearman ERBB2 GRB7");
    }

    @Test
    void moderatePValuesOnThirtyPatientsMatchScipy() {
        Pam50 data = Pam50.load();
        double[] esr1 = data.log2("ESR1", 30);
        double[] myc = data.log2("MYC", 30);
        assertResult(-0.2695994695527645, 0.14965631255130923, 30, Correlation.pearson(esr1, myc),
                "pearson ESR1 MYC (30)");
        assertResult(-0.2956618464961067, 0.1126726727716984, 30, Correlation.spearman(esr1, myc),
                "spearman ESR1 MYC (30)");
    }

    @Test
    void spearmanWithTiedZerosMatchesScipy() {
        // MIA and KRT14 are 0 in 8 of the first 300 patients each: real ties, average ranks
        Pam50 data = Pam50.load();
        assertResult(0.7882603615307656, 8.38735074791306e-65, 300,
                Correlation.spearman(data.raw("MIA", 300), data.raw("KRT14", 300)), "spearman MIA KRT14 (300)");
    }

    @Test
    void spearmanWithHeavilyTiedRoundedValuesMatchesScipy() {
        // 60 patients, ESR1 rounded to 20 distinct values and PGR to 31; Math.rint and np.round both round half
        // to even
        Pam50 data = Pam50.load();
        double[] x = data.raw("ESR1", 60);
        double[] y = data.raw("PGR", 60);
        for (int i = 0; i < 60; i++) {
            x[i] = Math.rint(x[i] / 1000);
            y[i] = Math.rint(y[i] / 100);
        }
        assertEquals(20, java.util.Arrays.stream(x).distinct().count(), "distinct rounded ESR1 values");
        assertResult(0.6063109696449102, 2.8344870237859775e-07, 60, Correlation.spearman(x, y),
                "spearman rounded ESR1 PGR (60)");
    }

    @Test
    void spearmanPValuesOfEsr1AgainstEveryOtherGeneMatchScipy() {
        Pam50 data = Pam50.load();
        double[] expected = MultipleTestingTest.ESR1_SPEARMAN_P_FIRST_40;
        List<String> others = data.genes().stream().filter(g -> !g.equals("ESR1")).toList();
        assertEquals(expected.length, others.size());
        double[] esr1 = data.raw("ESR1", 40);
        for (int j = 0; j < others.size(); j++) {
            assertRelative(expected[j], Correlation.spearman(esr1, data.raw(others.get(j), 40)).pValue(),
                    P_TOLERANCE, "spearman p ESR1 vs " + others.get(j));
        }
    }

    @Test
    void perfectCorrelationHasPValueExactlyZero() {
        double[] x = {1, 2, 3, 4, 5};
        CorrelationResult up = Correlation.pearson(x, new double[] {3, 5, 7, 9, 11});
        assertEquals(1.0, up.estimate());
        assertEquals(0.0, up.pValue());
        CorrelationResult down = Correlation.spearman(x, new double[] {50, 40, 30, 20, 10});
        assertEquals(-1.0, down.estimate());
        assertEquals(0.0, down.pValue());
    }

    @Test
    void extremeMagnitudesNeitherOverflowNorUnderflow() {
        // from scipy import stats; import numpy as np
        // x = np.array([1.0, 2, 4, 3, 7]); y = np.array([1.0, 3, 2, 5, 4])
        // stats.pearsonr(x * 1e200, y), stats.pearsonr(x * 1e-200, y * 1e-300)
        //   -> (0.4807619738204116, 0.41234890594465023), (0.48076197382041164, 0.41234890594465023)
        double[] x = {1, 2, 4, 3, 7};
        double[] y = {1, 3, 2, 5, 4};
        double[] huge = new double[5];
        double[] tinyX = new double[5];
        double[] tinyY = new double[5];
        for (int i = 0; i < 5; i++) {
            huge[i] = x[i] * 1e200;
            tinyX[i] = x[i] * 1e-200;
            tinyY[i] = y[i] * 1e-300;
        }
        assertResult(0.4807619738204116, 0.41234890594465023, 5, Correlation.pearson(huge, y), "pearson x 1e200");
        assertResult(0.48076197382041164, 0.41234890594465023, 5, Correlation.pearson(tinyX, tinyY),
                "pearson x 1e-200, y 1e-300");
    }

    @Test
    void constantInputIsRejectedByName() {
        double[] varying = {1, 2, 3, 4};
        double[] constant = {0.1, 0.1, 0.1, 0.1};
        assertMessage(() -> Correlation.pearson(constant, varying), "x is constant: correlation undefined");
        assertMessage(() -> Correlation.pearson(varying, constant), "y is constant: correlation undefined");
        assertMessage(() -> Correlation.spearman(constant, varying), "x is constant: correlation undefined");
        assertMessage(() -> Correlation.spearman(varying, constant), "y is constant: correlation undefined");
    }

    @Test
    void fewerThanThreePairsAreRejected() {
        assertMessage(() -> Correlation.pearson(new double[] {1, 2}, new double[] {2, 1}), "n=2");
        assertMessage(() -> Correlation.spearman(new double[] {1, 2}, new double[] {2, 1}), "n=2");
    }

    @Test
    void lengthMismatchIsRejected() {
        assertMessage(() -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, 2, 3, 4}), "3 vs 4");
    }

    @Test
    void nanAndInfinityAreRejectedWithTheirIndex() {
        assertMessage(() -> Correlation.pearson(new double[] {1, 2, Double.NaN}, new double[] {1, 2, 3}),
                "x[2] is not finite: NaN");
        assertMessage(() -> Correlation.pearson(new double[] {1, 2, 3}, new double[] {1, Double.NEGATIVE_INFINITY, 3}),
                "y[1] is not finite: -Infinity");
        assertMessage(() -> Correlation.spearman(new double[] {1, 2, 3}, new double[] {Double.NaN, 2, 3}),
                "y[0] is NaN");
    }

    @Test
    void spearmanRanksInfiniteValuesAtTheEnds() {
        double[] x = {Double.NEGATIVE_INFINITY, 1, 2, Double.POSITIVE_INFINITY};
        CorrelationResult r = Correlation.spearman(x, new double[] {-5, 0, 7, 100});
        assertEquals(1.0, r.estimate());
    }

    @Test
    void correlationResultValidatesItself() {
        assertMessage(() -> new CorrelationResult(1.5, 0.1, 10), "estimate must be in [-1, 1]: 1.5");
        assertMessage(() -> new CorrelationResult(Double.NaN, 0.1, 10), "estimate must be in [-1, 1]: NaN");
        assertMessage(() -> new CorrelationResult(0.5, -0.1, 10), "pValue must be in [0, 1]: -0.1");
        assertMessage(() -> new CorrelationResult(0.5, 0.1, 2), "n must be >= 3: 2");
    }

    private static void assertMessage(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
