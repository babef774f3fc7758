package org.tessera.heads.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/**
 * {@link LogisticRegression} against scikit-learn 1.2.1 on a real matrix: log2(1 + expression) of the 50
 * PAM50 genes (rounded to float32, as embeddings are stored) for the 981 TCGA-BRCA patients with a known PAM50
 * subtype, in pam50_expression.csv order; label Basal or not. scikit-learn's lbfgs stops on its own ftol
 * before the exact optimum (8.2e-5 away at C = 0.1, 4.7e-4 at C = 1), so the expected values are that
 * optimum polished by Newton's method from scikit-learn's answer until the gradient is 2e-15; the test
 * checks both the polished optimum (to 1e-6) and scikit-learn's own coef_ (to 1e-4, its stopping error).
 * Printed once by (/usr/bin/python3):
 *
 * <pre>
 * import csv, numpy as np
 * from sklearn.linear_model import LogisticRegression
 * from sklearn.preprocessing import StandardScaler
 * clin = list(csv.reader(open("/work/shared/tcga-brca/clinical_pancan_atlas_2018.tsv"), delimiter="\t"))
 * sub = {r[clin[0].index("Patient ID")]: r[clin[0].index("Subtype")] for r in clin[1:]}
 * rows = list(csv.reader(open("/work/shared/tcga-brca/pam50_expression.csv")))
 * kept = [r for r in rows[1:] if sub.get(r[0], "NA") != "NA"]
 * X = np.log2(1 + np.array([[float(v) for v in r[1:]] for r in kept])).astype(np.float32).astype(np.float64)
 * y = np.array([sub[r[0]] == "BRCA_Basal" for r in kept])
 * Z = StandardScaler().fit_transform(X)
 * for C in (0.1, 1.0):
 *     m = LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100000).fit(Z, y)
 *     print("C", C, "n_iter", m.n_iter_)
 *     print("intercept", repr(m.intercept_[0]))
 *     print("coef", ", ".join(repr(v) for v in m.coef_[0]))
 * # accuracy of sklearn's optimum: Newton from its solution on the same objective
 * from scipy.special import expit
 * for C in (0.1, 1.0):
 *     m = LogisticRegression(C=C, solver="lbfgs", tol=1e-12, max_iter=100000).fit(Z, y)
 *     A = np.hstack([Z, np.ones((len(Z), 1))]); t = np.append(m.coef_[0], m.intercept_[0]); t0 = t.copy()
 *     for _ in range(20):
 *         pr = expit(A {@literal @} t); g = A.T {@literal @} (pr - y) + np.append(t[:-1], 0) / C
 *         H = A.T {@literal @} (A * (pr * (1 - pr))[:, None]) + np.diag(np.append(np.ones(50) / C, 0))
 *         t = t - np.linalg.solve(H, g)
 *     print("C", C, "max |sklearn - newton|", np.abs(t - t0).max(), "grad at newton", np.abs(g).max())
 *     print("newton C", C, "intercept", repr(t[-1]))
 *     print("newton coef", ", ".join(repr(v) for v in t[:-1]))
 * </pre>
 */
class LogisticRegressionSklearnTest {
    /** Newton-polished optimum, C = 0.1. */
    private static final double INTERCEPT_01 = -5.756268775365009;
    private static final double[] COEF_01 = {
            0.129707256453765, 0.11500551236055345, -0.16527575098122582, 0.06226068351898021, 0.1783907388118964,
            -0.2961461869067361, 0.16337918070908455, 0.04317810212415136, 0.23669314857873547, -0.1790815460564303,
            0.1995502581216507, 0.21401117021663751, 0.1640560910360067, 0.06099578128249727, -0.04214894264270208,
            0.32880462667468857, -0.3191965399542121, 0.05177731300031486, -0.36836752339084566,
            -0.14538519702519087, 0.03841693639188569, 0.19154792285822356, -0.28057644525757564,
            -0.014627725005318318, 0.11043584523745834, 0.1710598193836718, 0.12045080587317457, -0.1284708322560278,
            0.05057425286845307, -0.10097120166968021, 0.04323986472607724, 0.13157689048959487, -0.2589153929339934,
            0.15550140925542283, 0.12577021148266196, -0.4492693712843964, 0.6201771730423573, -0.42548795990637883,
            -0.22351911811158529, 0.07369418615528678, -0.13843195793623894, 0.15027740774025905,
            -0.37433262060425854, 0.10875329312360477, -0.0116793630839004, 0.14653854435112418,
            -0.20271314242372504, 0.20072223845730694, 0.15902002262337145, 0.10812549785365659};
    /** scikit-learn's coef_ and intercept_, C = 0.1 (n_iter_ 25). */
    private static final double SKLEARN_INTERCEPT_01 = -5.756186948769542;
    private static final double[] SKLEARN_COEF_01 = {
            0.12973495084817113, 0.11500041443162733, -0.16528136752603045, 0.062275472863334104,
            0.17837124850987926, -0.29612383493978645, 0.16338073278624501, 0.04318030140420095, 0.23668681212195,
            -0.17906399796770775, 0.19954710520041294, 0.2139948025622454, 0.16405995389126396, 0.060994873870109115,
            -0.04216672292881784, 0.3288126266641472, -0.31919808869553284, 0.05177660904831535, -0.3683656972201922,
            -0.1453721053335893, 0.03842487953194409, 0.19153416558432157, -0.28057856501849293,
            -0.014617795650761243, 0.11042475913527121, 0.17105876866588293, 0.12044892621693393,
            -0.1284467476019743, 0.05055652349539326, -0.1009685434578741, 0.04322650143289032, 0.13157813083537986,
            -0.2589297160949394, 0.15551059817926458, 0.12576601822045722, -0.4492833377733515, 0.6201826741518242,
            -0.42550481344172125, -0.22351230158143584, 0.07367845305295678, -0.13842346513854054,
            0.15029357993308942, -0.37432424817339777, 0.10875311869939551, -0.011683076761680634,
            0.14654656276783523, -0.20273808761878676, 0.20073090345722644, 0.15901492372481568, 0.10812006468690435};
    /** Newton-polished optimum, C = 1. */
    private static final double INTERCEPT_1 = -9.418710569461389;
    private static final double[] COEF_1 = {
            0.33420579728118677, 0.177548215854546, -0.10512864380967502, -0.03869798625064315, 0.04844933831941952,
            -0.49514147176850004, 0.2574400464238236, 0.07562950977177497, 0.6368568457696446, 0.07535717275297553,
            0.2550237882609252, 0.5193278591588181, 0.4647796180281958, 0.4829621883824024, 0.027660997613295112,
            0.812998172244348, -0.536805545620888, 0.020807789443257535, -0.7567624758233297, -0.0807463832918848,
            0.004647785092280196, 0.34054405345472655, -0.6399837977175563, -0.12441564526661333,
            0.15359425837920426, 0.22045984485846357, 0.19471663473993495, -0.39255121790977326,
            -0.17558407764580702, -0.006132184293548404, 0.1810798601139229, -0.007470972252241109,
            -0.4868174045401406, 0.2977035940174426, 0.18783247949223947, -0.7986339667589722, 1.435082736111496,
            -0.7578288414039699, -0.4797153231398064, 0.06362759005826403, -0.29202272986535677, 0.20662247572499615,
            -0.6020355922624628, 0.23604322960680094, -0.28738172110681803, 0.19948207562799625, -0.2937914725323014,
            0.39223314650534225, 0.4211169685770109, 0.18293568002986074};

    private static final LogisticOptions TIGHT_01 = new LogisticOptions(0.1, 2000, 1e-10, 10);
    private static final LogisticOptions TIGHT_1 = new LogisticOptions(1.0, 2000, 1e-10, 10);

    @Test
    void coefficientsMatchTheExactOptimumAtC01() {
        Data d = Data.load();
        LogisticModel m = LogisticRegression.fit(d.design, d.basal, TIGHT_01);
        assertTrue(m.converged(), m.toString());
        assertClose(COEF_01, m.coefficients(), 1e-6, "coef C=0.1");
        assertEquals(INTERCEPT_01, m.intercept(), 1e-6, "intercept C=0.1");
    }

    @Test
    void coefficientsMatchSklearnWithinItsStoppingError() {
        Data d = Data.load();
        LogisticModel m = LogisticRegression.fit(d.design, d.basal, TIGHT_01);
        assertClose(SKLEARN_COEF_01, m.coefficients(), 1e-4, "sklearn coef C=0.1");
        assertEquals(SKLEARN_INTERCEPT_01, m.intercept(), 1e-4, "sklearn intercept C=0.1");
    }

    @Test
    void coefficientsMatchTheExactOptimumAtC1() {
        Data d = Data.load();
        LogisticModel m = LogisticRegression.fit(d.design, d.basal, TIGHT_1);
        assertTrue(m.converged(), m.toString());
        assertClose(COEF_1, m.coefficients(), 1e-6, "coef C=1");
        assertEquals(INTERCEPT_1, m.intercept(), 1e-6, "intercept C=1");
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        double worst = 0;
        for (int j = 0; j < expected.length; j++) {
            worst = Math.max(worst, Math.abs(expected[j] - actual[j]));
        }
        assertTrue(worst <= tolerance, what + ": max abs difference " + worst + " > " + tolerance);
    }

    /** The design and labels described in the class comment. */
    private record Data(TileEmbeddings design, boolean[] basal) {
        static Data load() {
            try {
                List<String> clinical = Files.readAllLines(Shared.path("tcga-brca/clinical_pancan_atlas_2018.tsv"));
                List<String> header = List.of(clinical.getFirst().split("\t", -1));
                int patient = header.indexOf("Patient ID");
                int subtype = header.indexOf("Subtype");
                Map<String, String> subtypes = new HashMap<>();
                for (String line : clinical.subList(1, clinical.size())) {
                    if (!line.isBlank()) {
                        String[] cells = line.split("\t", -1);
                        subtypes.put(cells[patient], cells[subtype]);
                    }
                }
                List<String> lines = Files.readAllLines(Shared.path("tcga-brca/pam50_expression.csv"));
                int p = lines.getFirst().split(",").length - 1;
                List<float[]> rows = new ArrayList<>();
                List<Boolean> labels = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] cells = line.split(",");
                    String s = subtypes.getOrDefault(cells[0], "NA");
                    if (s.equals("NA")) {
                        continue;
                    }
                    float[] row = new float[p];
                    for (int j = 0; j < p; j++) {
                        row[j] = (float) (Math.log(1 + Double.parseDouble(cells[j + 1])) / Math.log(2));
                    }
                    rows.add(row);
                    labels.add(s.equals("BRCA_Basal"));
                }
                float[] values = new float[rows.size() * p];
                boolean[] basal = new boolean[rows.size()];
                for (int i = 0; i < rows.size(); i++) {
                    System.arraycopy(rows.get(i), 0, values, i * p, p);
                    basal[i] = labels.get(i);
                }
                assertEquals(981, basal.length);
                return new Data(TileEmbeddings.wrap(values, p), basal);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
