package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.testkit.Shared;

/**
 * Per-gene ridge against scikit-learn 1.2.1 (numpy 1.24.2) on real expression: X = log2(1 + x) of the first 20
 * PAM50 genes of {@code tcga-brca/pam50_expression.csv} (UBE2T .. BCL2), Y = log2(1 + y) of the other 30
 * (CCNB1 .. NDC80), first 200 patients in file order. Expected values, pasted as printed (repr), from:
 *
 * <pre>
 * d = pd.read_csv('pam50_expression.csv').iloc[:200]; genes = list(d.columns[1:])
 * X = np.log2(1 + d[genes[:20]].to_numpy(float)); Y = np.log2(1 + d[genes[20:]].to_numpy(float))
 * Xs = StandardScaler().fit_transform(X)
 * alphas = list(np.logspace(-2, 4, 13))
 * cv = RidgeCV(alphas=alphas, alpha_per_target=True, store_cv_values=True,
 *              scoring='neg_mean_squared_error').fit(Xs, Y)      # cv_values_: LOO predictions per alpha
 * idx = [alphas.index(a) for a in cv.alpha_]
 * P = np.stack([cv.cv_values_[:, j, idx[j]] for j in range(30)], axis=1) + Y.mean(axis=0)  # 1.2 drops the offset
 * cv0 = RidgeCV(alphas=alphas, alpha_per_target=True, store_cv_values=True).fit(Xs, Y)  # squared LOO errors
 * cv0.cv_values_.mean(axis=0)[0]                                  # LOO MSE of CCNB1 per alpha
 * # GCV (no sklearn estimator): explicit hat matrix with the intercept
 * H = np.ones((n, n)) / n + Xs @ np.linalg.solve(Xs.T @ Xs + a * np.eye(20), Xs.T)
 * gcv = np.mean((Y - H @ Y) ** 2, axis=0) / (1 - np.trace(H) / n) ** 2   # per alpha a
 * </pre>
 * The script is /tmp/pg-ref/ref.py of the session that wrote this test, reproduced above in full but for printing.
 */
class PerGeneRidgeSklearnTest {
    private static final double TOL = 1e-6;
    private static final double[] ALPHAS = {0.01, 0.03162277660168379, 0.09999999999999999, 0.31622776601683794, 1.0,
        3.162277660168379, 10.0, 31.622776601683796, 100.0, 316.2277660168379, 1000.0, 3162.277660168379, 10000.0};

    private static FeatureMatrix x;
    private static Targets y;

    @BeforeAll
    static void load() throws IOException {
        List<String[]> rows = Files.readAllLines(Shared.path("tcga-brca/pam50_expression.csv")).stream()
                .limit(201).map(line -> line.split(",", -1)).toList();
        String[] header = rows.get(0);
        List<String[]> patients = rows.subList(1, 201);
        double[][] features = patients.stream().map(f -> log2p1(f, 1, 21)).toArray(double[][]::new);
        double[][] targets = patients.stream().map(f -> log2p1(f, 21, 51)).toArray(double[][]::new);
        x = FeatureMatrix.of(patients.stream().map(f -> f[0]).toList(), features);
        y = new Targets(Arrays.asList(header).subList(21, 51), targets);
        assertEquals("NDC80", y.names().get(29));
    }

    private static double[] log2p1(String[] fields, int from, int to) {
        return Arrays.stream(fields, from, to).mapToDouble(v -> Math.log1p(Double.parseDouble(v)) / Math.log(2)).toArray();
    }

    private static PerGeneModel fit(PenaltyCriterion criterion, int block) {
        return PerGeneRidge.fit(x, y, new PerGeneOptions(Arrays.stream(ALPHAS).boxed().toList(), criterion, block));
    }

    private static final double A3 = 3.162277660168379;
    private static final double A31 = 31.622776601683796;

    /** cv.alpha_ */
    private static final double[] SKLEARN_ALPHA = {10.0, A3, 10.0, A31, 10.0, A31, A31, 100.0, 10.0, A31, A31, A31, A31, 10.0, 10.0,
        A31, A31, 10.0, 10.0, 10.0, A31, A31, A31, A31, 100.0, A31, A31, A31, A31, A31};

    @Test
    void leaveOneOutChoosesRidgeCvsAlphaForEveryGene() {
        assertArrayEquals(SKLEARN_ALPHA, fit(PenaltyCriterion.LEAVE_ONE_OUT, 7).lambdas());
    }

    @Test
    void leaveOneOutErrorsEqualRidgeCvValues() {
        assertArrayEquals(new double[] {0.17485706805795398, 0.17483501834613102, 0.1747660109949416, 0.17455475893995623,
            0.17394982194482453, 0.17251364012237708, 0.17040832332345046, 0.17066379474987609, 0.18100678443508544,
            0.21787942728173934, 0.32705619568429856, 0.5347888993134318, 0.7293543019423585},
            fit(PenaltyCriterion.LEAVE_ONE_OUT, 7).scores(0), TOL, "cv0.cv_values_.mean(axis=0)[0]");
    }

    @Test
    void coefficientsAtEachGenesAlphaEqualRidgeCv() {
        PerGeneModel m = fit(PenaltyCriterion.LEAVE_ONE_OUT, 7);
        assertArrayEquals(new double[] {0.2537892121380522, 0.26573979080059146, 0.08847864352780813, 0.020571180713230268,
            -0.05827187687187563, -0.07485855801778475, 0.08071565538935105, -0.09623130552808148, 0.16826139216115302,
            0.08621989593321999, 0.08337644992159277, 0.09351397492530263, 0.060872850600125886, -0.05499620023913637,
            -0.06742301249763574, 0.025988563619455337, 0.029160232611358087, 0.036150112788985445, 0.07312147037409154,
            -0.03871064342749017}, m.coefficients(0), TOL, "coef_[0] (CCNB1)");
        assertArrayEquals(new double[] {0.10767566310708636, 0.20309251192788247, 0.06144329886257806, 0.14365226786534285,
            0.044337859890926014, -0.03879965773115925, -0.01238286072551248, -0.03866263708829442, 0.18601779083143805,
            -0.0511396957976893, 0.05400418324462638, 0.120589588488665, 0.23672364825498063, -0.025123861698535626,
            0.05023414681775917, 0.024413798135513354, -0.052174525051712876, 0.21947871797742174, -0.046958211349244855,
            -0.004396666214686919}, m.coefficients(29), TOL, "coef_[29] (NDC80)");
        double[] first = {0.2537892121380522, 0.139445070645565, 0.7352670710675545, 0.1565593651603801, 0.25733020933321166,
            0.11390485305093896, 0.13450334062842087, 0.03373992181134527, 0.3061987560000414, 0.08814437222020198,
            0.17989694988073823, 0.08836764451940202, -0.05210592428772354, -0.4868050396659857, 0.3009008620468576,
            0.11761168529931257, -0.14936296876211738, 0.16005082325094352, 0.11599762367598128, -0.32070233278152893,
            0.030474903643441343, 0.1566834980486923, -0.0013471189566942, 0.22326996886146674, -0.027894744276569697,
            -0.09697791241008122, 0.2359540871897416, 0.2950884940442346, 0.2388357357676664, 0.10767566310708636};
        for (int j = 0; j < 30; j++) {
            assertEquals(first[j], m.coefficients(j)[0], TOL, "coef_[" + j + ", 0]");
        }
        assertArrayEquals(new double[] {9.831977064280293, 9.159823359555018, 9.300711817263528, 9.684822063982566},
                Arrays.copyOf(m.intercepts(), 4), TOL, "intercept_[:4]");
    }

    @Test
    void leaveOneOutPredictionsEqualRidgeCvValuesAtEachGenesAlpha() {
        PerGeneModel m = fit(PenaltyCriterion.LEAVE_ONE_OUT, 7);
        double[][] expected = {
            {9.795633888509066, 9.256558855070182, 9.553208879011933, 9.813837642014267, 8.858681656188471, 7.706157259429987,
                9.220273854753831, 10.562206672777693, 8.575001641428743, 9.535000820443225, 9.094836187059931, 6.611291003770175,
                9.394003923390533, 6.656499886463998, 7.743682086520072, 11.516152407562007, 6.873617129025305, 9.472979759922211,
                8.49989620242693, 0.9346169140095473, 11.382431571496191, 8.526107222664544, 11.014553017643443, 9.590471670530173,
                10.61350397830662, 8.73009320085322, 13.820469812332192, 7.979395308211622, 6.719183484163589, 8.123291191140005},
            {10.559039687814842, 10.483042634751873, 7.1337160361215926, 10.784755808042338, 10.476492368879137, 7.885867168443841,
                10.050661113435291, 10.449255196844595, 9.497923540748427, 10.174038343253397, 10.873928152500547,
                10.529859808412125, 8.801042536613908, 7.251687160715534, 8.676422749887006, 11.412351184826557, 7.090782724124433,
                9.55318310052273, 13.240110852325191, 8.777251787862129, 10.38311929847647, 9.22996613546651, 11.304472509579723,
                11.269470780726879, 9.996817621684116, 10.680940851841038, 11.970508280077606, 8.533259086948352, 8.160568290891401,
                8.294847484946258},
            {9.442620909877187, 8.067073013117415, 11.581829755992224, 9.181829816252959, 8.012432779990077, 7.085150882015615,
                8.564082581508394, 10.893781323897043, 7.621553136934797, 10.548326700550975, 8.284955951829499, 6.877547327541373,
                10.30711372295787, 5.275708565480171, 6.811309739032191, 14.351657044255894, 5.1192569052813965, 10.675405836336044,
                9.144401496531039, 3.093545107171666, 11.443117474679982, 7.363625310312975, 13.91650542560938, 8.436165634108985,
                9.944572181331434, 7.62830296731433, 14.756141163638764, 7.073523717559604, 6.03498558891885, 7.119045504285163}};
        int[] rows = {0, 1, 199};
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < 30; j++) {
                assertEquals(expected[r][j], m.looPredictions(j)[rows[r]], TOL, "P[" + rows[r] + ", " + j + "]");
            }
        }
    }

    @Test
    void gcvEqualsTheExplicitHatMatrixFormula() {
        PerGeneModel m = fit(PenaltyCriterion.GCV, 30);
        assertArrayEquals(new double[] {0.17201217256614523, 0.17199203563322182, 0.17192904522885438, 0.1717365114049766,
            0.17118792663103516, 0.1699073045471525, 0.1681569725088703, 0.16900379711788197, 0.180101968205319,
            0.21760829510336654, 0.3265712008283742, 0.5337726368491782, 0.7286009598648332}, m.scores(0), TOL, "gcv[:, 0]");
        assertArrayEquals(new double[] {0.2772595405326016, 0.2772270237147194, 0.2771249090372129, 0.27680892620973097,
            0.27587346128517454, 0.2734184714814238, 0.2685041740471935, 0.2628945805276722, 0.26728466105406,
            0.3195844085904063, 0.5263742566042249, 0.9653550784008234, 1.3982829753652748}, m.scores(29), TOL, "gcv[:, 29]");
        assertArrayEquals(new double[] {10.0, A3, 10.0, A31, 10.0, A31, 10.0, A31, 10.0, 10.0, A31, A31, A31, 10.0, 10.0, 10.0, A31,
            10.0, 10.0, 10.0, A31, A31, A31, A31, 100.0, A31, A31, A31, A31, A31}, m.lambdas(), "gcv argmin");
    }

    @Test
    void blockSizeDoesNotChangeTheFit() {
        PerGeneModel one = fit(PenaltyCriterion.LEAVE_ONE_OUT, 1);
        PerGeneModel all = fit(PenaltyCriterion.LEAVE_ONE_OUT, 30);
        for (int j = 0; j < 30; j++) {
            assertArrayEquals(all.looPredictions(j), one.looPredictions(j), 1e-12);
            assertArrayEquals(all.coefficients(j), one.coefficients(j), 0);
        }
    }

    @Test
    void predictionsEqualRidgeHeadsAtTheSameLambdas() {
        PerGeneModel m = fit(PenaltyCriterion.LEAVE_ONE_OUT, 7);
        double[][] ridge = RidgeHead.fit(x, y, new RidgeOptions(Arrays.stream(ALPHAS).boxed().toList(), true)).predict(x);
        double[][] perGene = m.predict(x);
        for (int i = 0; i < 200; i += 37) {
            assertArrayEquals(ridge[i], perGene[i], 1e-5, "row " + i);
        }
        double[] original = m.originalCoefficients(3);
        double[] row = x.row(5);
        double direct = m.originalIntercept(3);
        for (int k = 0; k < row.length; k++) {
            direct += original[k] * row[k];
        }
        assertEquals(perGene[5][3], direct, 1e-9, "original-space coefficients give the same prediction");
    }
}
