package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/**
 * Elastic net against scikit-learn 1.2.1 on real data: X = the first 20 PAM50 genes (log2(1+x), standardised),
 * y = the 21st (CCNB1), first 200 patients of tcga-brca/pam50_expression.csv.
 * <pre>
 * X = StandardScaler().fit_transform(L[:200, :20]); y = L[:200, 20]
 * ElasticNet(alpha=a, l1_ratio=0.5, tol=1e-12, max_iter=100000).fit(X, y)
 * a=0.01: intercept 9.831977064280293, coef[:6] 0.2707668447238373 0.28666854919623697 0.08801131854905443
 *         0.01106302292218731 -0.046846652090027356 -0.07391218959127066, 20 non-zero
 * a=0.1:  coef[:6] 0.25384144201449255 0.22905500662940467 0.0 0.026951891050185327 -0.0 -0.0, 7 non-zero
 * </pre>
 */
class ElasticNetSklearnTest {
    @Test
    void coefficientsEqualScikitLearnsElasticNet() throws IOException {
        List<String> lines = Files.readAllLines(Shared.path("tcga-brca/pam50_expression.csv"));
        int n = 200;
        int p = 20;
        double[][] raw = new double[n][p + 1];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",");
            for (int j = 0; j <= p; j++) {
                raw[i][j] = Math.log(1 + Double.parseDouble(f[j + 1])) / Math.log(2);
            }
        }
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                mean += raw[i][j] / n;
            }
            for (int i = 0; i < n; i++) {
                sq += (raw[i][j] - mean) * (raw[i][j] - mean) / n;
            }
            for (int i = 0; i < n; i++) {
                x[i * p + j] = (raw[i][j] - mean) / Math.sqrt(sq);
            }
        }
        for (int i = 0; i < n; i++) {
            y[i] = raw[i][p];
        }
        double[] small = ElasticNet.fit(x, n, p, y, 0.01, 0.5, 1e-12, 100000);
        double[] expectedSmall = {0.2707668447238373, 0.28666854919623697, 0.08801131854905443, 0.01106302292218731,
            -0.046846652090027356, -0.07391218959127066};
        for (int j = 0; j < 6; j++) {
            assertEquals(expectedSmall[j], small[j], 1e-6, "alpha 0.01, coef " + j);
        }
        assertEquals(9.831977064280293, small[p], 1e-6);
        double[] sparse = ElasticNet.fit(x, n, p, y, 0.1, 0.5, 1e-12, 100000);
        double[] expectedSparse = {0.25384144201449255, 0.22905500662940467, 0.0, 0.026951891050185327, 0.0, 0.0};
        for (int j = 0; j < 6; j++) {
            assertEquals(expectedSparse[j], sparse[j], 1e-6, "alpha 0.1, coef " + j);
        }
        long nonZero = java.util.stream.IntStream.range(0, p).filter(j -> sparse[j] != 0).count();
        assertEquals(7, nonZero, "the same genes are shrunk to exactly zero");
    }
}
