package org.tessera.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tessera.stats.Assert.assertAllRelative;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Multiple-testing adjustments against statsmodels 0.13.5 {@code multipletests}. The input is the 49
 * Spearman p-values (scipy 1.10.1) of ESR1 against every other PAM50 gene over the first 40 TCGA-BRCA
 * patients, in the table's column order; they and the adjusted values were printed once by (/usr/bin/python3):
 *
 * <pre>
 * import csv, numpy as np
 * from scipy import stats
 * from statsmodels.stats.multitest import multipletests
 * rows = list(csv.reader(open("/work/shared/tcga-brca/pam50_expression.csv")))
 * genes = rows[0][1:]
 * X = np.array([[float(v) for v in r[1:]] for r in rows[1:41]])
 * esr1 = X[:, genes.index("ESR1")]
 * p = np.array([stats.spearmanr(esr1, X[:, j]).pvalue for j, name in enumerate(genes) if name != "ESR1"])
 * print("raw", p.tolist())
 * for method in ["fdr_bh", "holm", "bonferroni"]:
 *     print(method, multipletests(p, method=method)[1].tolist())
 * tied = [0.01, 0.04, 0.04, 0.03, 0.2, 0.01, 0.5]
 * for method in ["fdr_bh", "holm", "bonferroni"]:
 *     print("tied", method, multipletests(tied, method=method)[1].tolist())
 * </pre>
 *
 * The arithmetic is the same as statsmodels' (one multiplication or division per value, then a running
 * minimum or maximum), so the tolerance is 1e-14 relative.
 */
class MultipleTestingTest {
    private static final double TOLERANCE = 1e-14;

    static final double[] ESR1_SPEARMAN_P_FIRST_40 = {
        0.001401714430035452, 0.002405462563774649, 3.146599324235007e-07, 0.00038742176642831604,
        0.007274104524401447, 1.1374542996910068e-06, 0.17963160090225136, 0.9331529821824162,
        4.0705885498004265e-05, 1.55761045205709e-07, 0.0019608689941762957, 0.0004630989384705281,
        0.8586226846741927, 0.0069899718968301555, 0.0006517745176351765, 0.189876874667527, 0.007903302072999828,
        0.09132217019320794, 0.005343654153405691, 0.011538393246567911, 5.820921738376532e-05,
        1.2261593182004167e-06, 0.0003400859878099779, 0.0007361322335193371, 0.21639787527961596,
        0.0007057475093464433, 0.001998055006322293, 0.00023722925487054883, 0.052063686654088455,
        0.030272860666795427, 0.0002316748228843665, 6.211255569406337e-06, 0.00741986181377635,
        0.00027474435857657056, 2.9254756020982097e-07, 0.0005084618248535972, 0.004368134120223411,
        0.6158133212988843, 0.1455543559727335, 0.0906241268089162, 0.00022758612107749043, 0.00031208027758687634,
        7.555116213894112e-05, 0.022564832008486187, 1.5792674303120352e-08, 9.409383926770074e-07,
        0.0022241684385300694, 0.0003479253931590943, 0.008348277823495953,
    };
    static final double[] BH = {
        0.002747360282869486, 0.004064402262929579, 3.854584172187884e-06, 0.0009991403449993413,
        0.010693330261030622, 8.583115227402917e-06, 0.20004428282296174, 0.9331529821824162, 0.000221620932155801,
        3.816145607539871e-06, 0.003626099826288606, 0.0011345923992527938, 0.8765106572715717,
        0.010693330261030622, 0.001451679607460166, 0.2067548190824183, 0.011064622902199759, 0.10654253189207594,
        0.00844642108118964, 0.015280574840049396, 0.00028522516518045005, 8.583115227402917e-06,
        0.00094713023693309, 0.0015029366434353133, 0.2305107801891561, 0.0015029366434353133, 0.003626099826288606,
        0.000830302392046921, 0.06377801615125836, 0.038035132632640405, 0.000830302392046921,
        3.8043940362613815e-05, 0.010693330261030622, 0.0008974982380167972, 3.854584172187884e-06,
        0.0011864109246583934, 0.007134619063031571, 0.6420181434818156, 0.16586426610846375, 0.10654253189207594,
        0.000830302392046921, 0.00094713023693309, 0.0003365460858916468, 0.029096757063574296,
        7.738410408528973e-07, 8.583115227402917e-06, 0.0038922947674276216, 0.00094713023693309,
        0.011362933704202825,
    };
    static final double[] HOLM = {
        0.0350428607508863, 0.05051471383926763, 1.4474356891481033e-05, 0.012010074759277798, 0.1258194941429428,
        5.00479891864043e-05, 1.0, 1.0, 0.0016689413054181749, 7.476530169874032e-06, 0.04706085586023109,
        0.013892968154115844, 1.0, 0.1258194941429428, 0.01824968649378494, 1.0, 0.1258194941429428,
        0.8156171412802458, 0.10152942891470812, 0.14999911220538284, 0.0023283686953506125, 5.272485068261792e-05,
        0.011222837597729272, 0.019139438071502764, 1.0, 0.01905518275235397, 0.04706085586023109,
        0.008648272600944636, 0.5206368665408846, 0.33300146733474967, 0.008648272600944636, 0.00026087273391506614,
        0.1258194941429428, 0.00961605255017997, 1.3749735329861586e-05, 0.014745392920754318, 0.08736268240446822,
        1.0, 1.0, 0.8156171412802458, 0.008648272600944636, 0.010610729437953796, 0.0029464953234187036,
        0.27077798410183423, 7.738410408528973e-07, 4.2342227670465334e-05, 0.04893170564766153,
        0.011222837597729272, 0.1258194941429428,
    };
    static final double[] BONFERRONI = {
        0.06868400707173715, 0.1178676656249578, 1.5418336688751535e-05, 0.018983666554987486, 0.35643112169567087,
        5.5735260684859333e-05, 1.0, 1.0, 0.001994588389402209, 7.632291215079741e-06, 0.09608258071463849,
        0.022691847985055878, 1.0, 0.3425086229446776, 0.031936951364123646, 1.0, 0.3872618015769915, 1.0,
        0.26183905351687886, 0.5653812690818276, 0.0028522516518045007, 6.008180659182042e-05, 0.016664213402688918,
        0.03607047944244752, 1.0, 0.03458162795797572, 0.09790469530979234, 0.011624233488656892, 1.0, 1.0,
        0.011352066321333959, 0.0003043515229009105, 0.3635732288750411, 0.013462473570251958,
        1.4334830450281226e-05, 0.024914629417826264, 0.21403857189094716, 1.0, 1.0, 1.0, 0.011151719932797031,
        0.01529193360175694, 0.003702006944808115, 1.0, 7.738410408528973e-07, 4.6105981241173363e-05,
        0.1089842534879734, 0.017048344264795623, 0.4090656133513017,
    };

    private static final double[] TIED = {0.01, 0.04, 0.04, 0.03, 0.2, 0.01, 0.5};

    @Test
    void benjaminiHochbergMatchesStatsmodelsFdrBh() {
        assertAllRelative(BH, MultipleTesting.benjaminiHochberg(ESR1_SPEARMAN_P_FIRST_40), TOLERANCE, "fdr_bh");
    }

    @Test
    void holmMatchesStatsmodelsHolm() {
        assertAllRelative(HOLM, MultipleTesting.holm(ESR1_SPEARMAN_P_FIRST_40), TOLERANCE, "holm");
    }

    @Test
    void bonferroniMatchesStatsmodelsAndIsCappedAtOne() {
        assertAllRelative(BONFERRONI, MultipleTesting.bonferroni(ESR1_SPEARMAN_P_FIRST_40), TOLERANCE, "bonferroni");
    }

    @Test
    void tiedPValuesMatchStatsmodels() {
        assertAllRelative(new double[] {0.035, 0.056, 0.056, 0.056, 0.23333333333333336, 0.035, 0.5},
                MultipleTesting.benjaminiHochberg(TIED), TOLERANCE, "tied fdr_bh");
        assertAllRelative(new double[] {0.07, 0.16, 0.16, 0.15, 0.4, 0.07, 0.5},
                MultipleTesting.holm(TIED), TOLERANCE, "tied holm");
        assertAllRelative(new double[] {0.07, 0.28, 0.28, 0.21, 1.0, 0.07, 1.0},
                MultipleTesting.bonferroni(TIED), TOLERANCE, "tied bonferroni");
    }

    @Test
    void inputIsNotModified() {
        double[] p = TIED.clone();
        MultipleTesting.benjaminiHochberg(p);
        MultipleTesting.holm(p);
        assertArrayEquals(TIED, p);
    }

    @Test
    void emptyFamilyGivesEmptyResult() {
        assertEquals(0, MultipleTesting.benjaminiHochberg(new double[0]).length);
        assertEquals(0, MultipleTesting.holm(new double[0]).length);
        assertEquals(0, MultipleTesting.bonferroni(new double[0]).length);
    }

    @Test
    void invalidPValuesAreRejectedWithTheirIndex() {
        assertMessage(() -> MultipleTesting.benjaminiHochberg(new double[] {0.1, Double.NaN}),
                "pValues[1] must be in [0, 1]: NaN");
        assertMessage(() -> MultipleTesting.holm(new double[] {1.2, 0.1}), "pValues[0] must be in [0, 1]: 1.2");
        assertMessage(() -> MultipleTesting.bonferroni(new double[] {0.1, 0.2, -0.01}),
                "pValues[2] must be in [0, 1]: -0.01");
    }

    private static void assertMessage(Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
    }
}
