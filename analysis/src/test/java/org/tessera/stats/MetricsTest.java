package org.tessera.stats;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.stats.Assert.assertRelative;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Predictive R^2 and RMSE against scikit-learn 1.2.1, predicting log2(1 + ESR1) over all 1093 TCGA-BRCA
 * patients three ways: by log2(1 + FOXA1) as is, by log2(1 + PGR) as is (worse than the mean: R^2 &lt; 0),
 * and by a least-squares line in log2(1 + PGR). The expected values were printed once by (/usr/bin/python3):
 *
 * <pre>
 * import csv, numpy as np
 * from sklearn.metrics import r2_score, mean_squared_error
 * rows = list(csv.reader(open("/work/shared/tcga-brca/pam50_expression.csv")))
 * genes = rows[0][1:]
 * L = np.log2(1 + np.array([[float(v) for v in r[1:]] for r in rows[1:]]))
 * esr1, foxa1, pgr = (L[:, genes.index(g)] for g in ("ESR1", "FOXA1", "PGR"))
 * fit = np.polyval(np.polyfit(pgr, esr1, 1), pgr)
 * for name, pred in [("FOXA1", foxa1), ("PGR", pgr), ("fit", fit)]:
 *     print(name, repr(r2_score(esr1, pred)), repr(mean_squared_error(esr1, pred, squared=False)))
 * print("fit coefficients", np.polyfit(pgr, esr1, 1).tolist())
 * </pre>
 *
 * which printed FOXA1 0.5860596229679758 2.05136344634353, PGR -0.42885291442256723 3.811250369771437, fit
 * 0.4490525960314602 2.366621401430392, and coefficients [0.6266917168428703, 6.051917290888758]. (The R^2 of
 * the in-sample line is the squared Pearson r of ESR1 and PGR, 0.6701138679593642^2, as it should be.)
 */
class MetricsTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void r2PredMatchesSklearn() {
        Pam50 data = Pam50.load();
        double[] esr1 = data.log2("ESR1");
        assertRelative(0.5860596229679758, Metrics.r2Pred(esr1, data.log2("FOXA1")), TOLERANCE, "R2 FOXA1");
        assertRelative(0.4490525960314602, Metrics.r2Pred(esr1, fittedLine(data)), TOLERANCE, "R2 fit");
    }

    @Test
    void r2PredIsNegativeForPredictionsWorseThanTheMean() {
        Pam50 data = Pam50.load();
        assertRelative(-0.42885291442256723, Metrics.r2Pred(data.log2("ESR1"), data.log2("PGR")), TOLERANCE,
                "R2 PGR");
    }

    @Test
    void rmseMatchesSklearn() {
        Pam50 data = Pam50.load();
        double[] esr1 = data.log2("ESR1");
        assertRelative(2.05136344634353, Metrics.rmse(esr1, data.log2("FOXA1")), TOLERANCE, "RMSE FOXA1");
        assertRelative(3.811250369771437, Metrics.rmse(esr1, data.log2("PGR")), TOLERANCE, "RMSE PGR");
        assertRelative(2.366621401430392, Metrics.rmse(esr1, fittedLine(data)), TOLERANCE, "RMSE fit");
    }

    /** np.polyval([a, b], x) = a * x + b with numpy's least-squares coefficients. */
    private static double[] fittedLine(Pam50 data) {
        double[] x = data.log2("PGR");
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 0.6266917168428703 * x[i] + 6.051917290888758;
        }
        return y;
    }

    @Test
    void constantObservationsAreRejected() {
        assertMessage(() -> Metrics.r2Pred(new double[] {2, 2, 2}, new double[] {1, 2, 3}),
                "observed is constant: R^2 undefined");
    }

    @Test
    void badShapesAndValuesAreRejected() {
        assertMessage(() -> Metrics.r2Pred(new double[] {1, 2}, new double[] {1, 2, 3}), "2 vs 3");
        assertMessage(() -> Metrics.r2Pred(new double[] {1}, new double[] {1}), "at least 2 values: n=1");
        assertMessage(() -> Metrics.rmse(new double[0], new double[0]), "at least 1 values: n=0");
        assertMessage(() -> Metrics.rmse(new double[] {1, 2}, new double[] {1, Double.NaN}),
                "predicted[1] is not finite: NaN");
    }

    private static void assertMessage(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
