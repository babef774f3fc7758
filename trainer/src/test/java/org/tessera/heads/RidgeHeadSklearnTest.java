package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.testkit.Shared;

/**
 * Ridge against scikit-learn 1.2.1 on real expression: X = log2(1 + x) of the first 20 PAM50 genes of
 * {@code tcga-brca/pam50_expression.csv} (UBE2T .. BCL2), Y = log2(1 + y) of the next 5 (CCNB1, CDC20,
 * NAT1, RRM2, UBE2C), first 200 patients in file order (TCGA-3C-AAAU .. TCGA-A8-A08A). Expected values from:
 *
 * <pre>
 * d = pd.read_csv('pam50_expression.csv').iloc[:200]; genes = list(d.columns[1:])
 * X = np.log2(1 + d[genes[:20]].to_numpy(float)); Y = np.log2(1 + d[genes[20:25]].to_numpy(float))
 * Xs = StandardScaler().fit_transform(X)                      # population sd, as RidgeHead
 * r = Ridge(alpha=10.0, fit_intercept=True).fit(Xs, Y)
 * alphas = [0.01, 0.1, 1.0, 10.0, 100.0, 1000.0]
 * cv = RidgeCV(alphas=alphas, alpha_per_target=True, store_cv_values=True).fit(Xs, Y)
 * cvp = RidgeCV(alphas=alphas, alpha_per_target=True, store_cv_values=True,
 *               scoring='neg_mean_squared_error').fit(Xs, Y)  # cv_values_ = LOO predictions
 * # sklearn 1.2 stores those predictions without the y offset: add Y.mean(axis=0) back
 * # (checked: (Y - P - Y.mean(0))^2 equals cv.cv_values_ to 1.4e-14)
 * RidgeCV(alphas=alphas, alpha_per_target=False).fit(Xs, Y).alpha_   # 10.0
 * </pre>
 * Numbers are pasted as printed (repr, 17 significant digits).
 */
class RidgeHeadSklearnTest {
    private static final double TOL = 1e-6;
    private static final double[] GRID = {0.01, 0.1, 1.0, 10.0, 100.0, 1000.0};

    private static FeatureMatrix x;
    private static Targets y;

    @BeforeAll
    static void load() throws IOException {
        Path csv = Shared.path("tcga-brca/pam50_expression.csv");
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        List<String> ids = new ArrayList<>();
        double[][] features = new double[200][20];
        double[][] targets = new double[200][5];
        for (int i = 0; i < 200; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            ids.add(f[0]);
            for (int j = 0; j < 20; j++) {
                features[i][j] = log2p1(f[1 + j]);
            }
            for (int j = 0; j < 5; j++) {
                targets[i][j] = log2p1(f[21 + j]);
            }
        }
        assertEquals("TCGA-3C-AAAU", ids.get(0));
        assertEquals("TCGA-A8-A08A", ids.get(199));
        x = FeatureMatrix.of(ids, features);
        y = new Targets(Arrays.asList(header).subList(21, 26), targets);
        assertEquals(List.of("CCNB1", "CDC20", "NAT1", "RRM2", "UBE2C"), y.names());
    }

    private static double log2p1(String v) {
        return Math.log1p(Double.parseDouble(v)) / Math.log(2);
    }

    @Test
    void sharedLambdaCoefficientsInterceptsAndPredictionsEqualSklearnRidge() {
        RidgeModel m = RidgeHead.fit(x, y, RidgeOptions.shared(10.0));
        assertArrayEquals(new double[] {0.2537892121380387, 0.26573979080057375, 0.08847864352781391, 0.0205711807132122,
                -0.05827187687188283, -0.07485855801777566, 0.08071565538934736, -0.09623130552808103, 0.16826139216113603,
                0.08621989593323137, 0.08337644992157794, 0.09351397492528886, 0.06087285060011389, -0.05499620023913896,
                -0.0674230124976387, 0.02598856361945295, 0.02916023261136721, 0.03615011278897161, 0.0731214703740946,
                -0.03871064342748094}, m.coefficients(0), TOL, "coef_[0] (CCNB1)");
        assertArrayEquals(new double[] {0.2573302093331991, 0.4690544347729988, 0.02347114123183528, 0.00526259477789718,
                -0.04863597665644134, -0.14534858974885964, 0.02675895883102257, 0.07250499727286927, 0.3504189955456865,
                0.03516637045214784, 0.11198185777559522, -0.01031598287510498, 0.2364135147034679, 0.07378370260319454,
                0.01979083628225917, -0.04650914810933888, -0.0227494840522328, 0.10504904716273145, 0.04353477050266452,
                0.00904649479996255}, m.coefficients(4), TOL, "coef_[4] (UBE2C)");
        assertArrayEquals(new double[] {9.831977064280293, 9.159823359555018, 9.300711817263528, 9.684822063982566,
                9.002018007957927}, m.intercepts(), TOL);
        assertArrayEquals(new double[] {9.864358798055235, 9.19443547159421, 9.99558765277018, 9.879877044790177,
                8.892589841903009}, m.predict(x.select(new int[] {0}))[0], TOL, "predict(Xs[:1])");
        assertArrayEquals(new double[] {10, 10, 10, 10, 10}, m.lambdas());
    }

    @Test
    void leaveOneOutErrorsAndPerOutputLambdasEqualRidgeCv() {
        RidgeModel m = RidgeHead.fit(x, y, RidgeOptions.perOutput(GRID));
        assertArrayEquals(new double[] {10, 1, 10, 10, 10}, m.lambdas(), "RidgeCV alpha_");
        double[][] expected = {
            {0.17485706805795398, 0.1747660109949416, 0.17394982194482453, 0.17040832332345046, 0.18100678443508544, 0.32705619568429856},
            {0.23735539549141907, 0.2372421019458056, 0.23646609801927784, 0.24113089477364638, 0.28897766038801354, 0.5999622752296887},
            {3.7823964530636243, 3.7803234435609623, 3.761649938070342, 3.681698732479644, 3.8832990228587967, 5.0918006134654705},
            {0.4251741236919703, 0.42492467672005774, 0.4226301776038217, 0.41092307234556025, 0.4186631773193525, 0.6712066173664109},
            {0.2706545636558972, 0.2704863232511423, 0.26894386477473115, 0.26153359608842275, 0.28684351164418753, 0.6649860330426587}};
        double[][] mse = m.leaveOneOut().meanSquaredError();
        for (int j = 0; j < 5; j++) {
            assertArrayEquals(expected[j], mse[j], TOL, "cv_values_.mean(axis=0)[" + j + "]");
        }
        // RidgeCV refits each output at its own alpha: coef_[:, 0] over the 5 outputs.
        double[] firstCoefficient = {0.2537892121380522, 0.14107956831608226, 0.7352670710675545, 0.1763186613224161,
            0.25733020933321066};
        for (int j = 0; j < 5; j++) {
            assertEquals(firstCoefficient[j], m.coefficients(j)[0], TOL, "coef_[" + j + ", 0]");
        }
    }

    @Test
    void leaveOneOutPredictionsAtTheChosenLambdasEqualRidgeCv() {
        double[][] loo = RidgeHead.fit(x, y, RidgeOptions.perOutput(GRID)).leaveOneOut().predictions();
        assertArrayEquals(new double[] {9.795633888509066, 9.29363357136126, 9.553208879011933, 9.783194905830575,
                8.858681656188471}, loo[0], TOL, "row 0");
        assertArrayEquals(new double[] {10.559039687814842, 10.492781504276444, 7.1337160361215926, 10.80446704049718,
                10.476492368879137}, loo[1], TOL, "row 1");
        assertArrayEquals(new double[] {9.442620909877187, 8.062960782157832, 11.581829755992224, 9.128173306464792,
                8.012432779990077}, loo[199], TOL, "row 199");
    }

    @Test
    void sharedGridChoosesOneLambdaByTheMeanErrorOverOutputs() {
        // Mean LOO MSE over outputs per alpha: 0.97809, 0.97755, 0.97273, 0.95314, 1.01176, 1.47100 -> 10.
        RidgeModel m = RidgeHead.fit(x, y, RidgeOptions.sharedGrid(GRID));
        assertArrayEquals(new double[] {10, 10, 10, 10, 10}, m.lambdas());
        assertEquals(0.2537892121380387, m.coefficients(0)[0], TOL);
    }
}
