package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.testkit.Shared;
import org.tessera.train.PcaRidge;

/**
 * PCA-then-ridge against scikit-learn 1.2.1 on real expression: X = log2(1 + x) of the first 20 PAM50 genes
 * of {@code tcga-brca/pam50_expression.csv} (UBE2T .. BCL2), Y = log2(1 + y) of the next 5 (CCNB1 .. UBE2C);
 * fitted on the first 200 patients in file order, predicted on the next 50 (TCGA-A8-A08B .. TCGA-AC-A23C).
 *
 * <pre>
 * d = pd.read_csv('pam50_expression.csv'); g = list(d.columns[1:])
 * X = np.log2(1 + d[g[:20]].to_numpy(float)); Y = np.log2(1 + d[g[20:25]].to_numpy(float))
 * Xtr, Ytr, Xte = X[:200], Y[:200], X[200:250]
 * make_pipeline(StandardScaler(), PCA(3, svd_solver='full'), Ridge(alpha=100.0)).fit(Xtr, Ytr).predict(Xte)
 * alphas = [0.01, 0.1, 1.0, 10.0, 100.0, 1000.0]
 * c = make_pipeline(StandardScaler(), PCA(5, svd_solver='full'),
 *                   RidgeCV(alphas=alphas, alpha_per_target=False, store_cv_values=True)).fit(Xtr, Ytr)
 * c[-1].alpha_                              # 10.0
 * c[-1].cv_values_.mean(axis=(0, 1))        # mean LOO MSE per alpha
 * c.predict(Xte)
 * </pre>
 * Numbers pasted as printed (repr).
 */
class PcaRidgeSklearnTest {
    private static final double TOL = 1e-6;
    private static final double[] GRID = {0.01, 0.1, 1.0, 10.0, 100.0, 1000.0};

    private static FeatureMatrix train;
    private static Targets y;
    private static FeatureMatrix test;

    @BeforeAll
    static void load() throws IOException {
        List<String> lines = Files.readAllLines(Shared.path("tcga-brca/pam50_expression.csv"));
        String[] header = lines.get(0).split(",", -1);
        List<String> ids = new ArrayList<>();
        double[][] features = new double[250][20];
        double[][] targets = new double[200][5];
        for (int i = 0; i < 250; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            ids.add(f[0]);
            for (int j = 0; j < 20; j++) {
                features[i][j] = log2p1(f[1 + j]);
            }
            for (int j = 0; i < 200 && j < 5; j++) {
                targets[i][j] = log2p1(f[21 + j]);
            }
        }
        assertEquals("TCGA-A8-A08B", ids.get(200));
        assertEquals("TCGA-AC-A23C", ids.get(249));
        train = FeatureMatrix.of(ids.subList(0, 200), Arrays.copyOfRange(features, 0, 200));
        test = FeatureMatrix.of(ids.subList(200, 250), Arrays.copyOfRange(features, 200, 250));
        y = new Targets(Arrays.asList(header).subList(21, 26), targets);
    }

    private static double log2p1(String v) {
        return Math.log1p(Double.parseDouble(v)) / Math.log(2);
    }

    @Test
    void fixedLambdaPredictionsEqualTheSklearnPipeline() {
        double[][] p = PcaRidgeHead.fit(train, y, new PcaRidgeOptions(3, RidgeOptions.shared(100.0))).predict(test);
        assertArrayEquals(new double[] {10.154497660788405, 9.63179212816608, 8.458970512035421, 10.350118436119002,
                9.633081758237685}, p[0], TOL, "test row 0");
        assertArrayEquals(new double[] {9.66881979693285, 8.676030366762147, 10.29219604407792, 9.461574223802042,
                8.593148568069939}, p[49], TOL, "test row 49");
    }

    @Test
    void leaveOneOutErrorsChosenLambdaAndPredictionsEqualRidgeCvOnTheScores() {
        RidgeModel m = PcaRidgeHead.fit(train, y, PcaRidgeOptions.sharedGrid(5, GRID));
        assertArrayEquals(new double[] {10, 10, 10, 10, 10}, m.lambdas(), "alpha_");
        double[] meanMse = new double[GRID.length];
        for (double[] perLambda : m.leaveOneOut().meanSquaredError()) {
            for (int l = 0; l < GRID.length; l++) {
                meanMse[l] += perLambda[l] / 5;
            }
        }
        assertArrayEquals(new double[] {1.137338035864159, 1.1373207874479978, 1.1371518581839641, 1.135798201228438,
                1.1433586565581784, 1.4956628585946419}, meanMse, TOL, "cv_values_.mean(axis=(0, 1))");
        double[][] p = new PcaRidge(5, GRID).fitPredict(train, y, test);
        assertArrayEquals(new double[] {10.257489087586062, 9.760694701367637, 8.819280290101771, 10.566072467306968,
                9.86656589047438}, p[0], TOL, "test row 0");
        assertArrayEquals(new double[] {9.312327097019233, 7.759026680458005, 11.583077594696487, 9.03244069770857,
                7.729241294244683}, p[1], TOL, "test row 1");
        assertArrayEquals(new double[] {9.824421006004608, 8.69799116180008, 11.024968650616122, 9.672591167118927,
                8.812583504645286}, p[49], TOL, "test row 49");
    }

    @Test
    void allComponentsIsPlainRidgeBecauseRidgeIsRotationInvariant() {
        // 30 components are capped at the 20 features: a rotation of the standardised features, which ridge ignores.
        double[][] pca = PcaRidgeHead.fit(train, y, new PcaRidgeOptions(30, RidgeOptions.shared(10.0))).predict(test);
        double[][] plain = RidgeHead.fit(train, y, RidgeOptions.shared(10.0)).predict(test);
        for (int i = 0; i < plain.length; i++) {
            assertArrayEquals(plain[i], pca[i], 1e-9, "test row " + i);
        }
    }

    @Test
    void zeroComponentsNamesTheBadValue() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PcaRidgeOptions(0, RidgeOptions.shared(1.0)));
        assertEquals("principal component count must be >= 1, got 0", e.getMessage());
    }
}
