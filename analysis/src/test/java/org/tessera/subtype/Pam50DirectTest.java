package org.tessera.subtype;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nearest-centroid rule recomputed here without org.tessera.stats: average ranks by counting (rank = 1 +
 * #smaller + (#equal - 1) / 2), Pearson's r of the ranks, argmax with ties to the earlier subtype, and the
 * ROR-S weights written out. Compared on several TCGA patients, both with and without median centring.
 */
class Pam50DirectTest {
    private static final int[] PATIENTS = {0, 1, 2, 17, 250, 600, 1092};

    @Test
    void callsAndCorrelationsEqualADirectComputation() {
        check(false);
    }

    @Test
    void medianCentredCallsEqualADirectComputation() {
        check(true);
    }

    private static void check(boolean centre) {
        Pam50 model = Tcga.model();
        ExpressionMatrix m = Tcga.log2Expression();
        Pam50Classification result = model.classify(m, new Pam50Options(centre, 40));
        assertEquals(List.of(), result.missingGenes());
        List<Pam50Gene> genes = model.genes();
        for (int p : PATIENTS) {
            double[] x = new double[genes.size()];
            for (int g = 0; g < genes.size(); g++) {
                int col = m.genes().indexOf(genes.get(g).currentSymbol());
                x[g] = m.value(p, col) - (centre ? median(m, col) : 0);
            }
            double[] r = new double[5];
            int best = 0;
            for (Subtype s : Subtype.values()) {
                r[s.ordinal()] = pearson(ranks(x), ranks(model.centroid(s)));
                if (r[s.ordinal()] > r[best]) {
                    best = s.ordinal();
                }
            }
            Pam50Call call = result.calls().get(p);
            assertEquals(m.samples().get(p), call.sample());
            assertEquals(Subtype.values()[best], call.subtype(), "patient " + p);
            for (int s = 0; s < 5; s++) {
                assertEquals(r[s], call.correlations()[s], 1e-12, "patient " + p + " subtype " + s);
            }
            double ror = 0.05 * r[0] + 0.12 * r[1] - 0.34 * r[2] + 0.23 * r[3];
            assertEquals(ror, call.rorS(), 1e-12, "patient " + p);
        }
    }

    private static double median(ExpressionMatrix m, int col) {
        double[] v = new double[m.samples().size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = m.value(i, col);
        }
        java.util.Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static double[] ranks(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int smaller = 0;
            int equal = 0;
            for (double w : v) {
                smaller += w < v[i] ? 1 : 0;
                equal += w == v[i] ? 1 : 0;
            }
            r[i] = 1 + smaller + (equal - 1) / 2.0;
        }
        return r;
    }

    private static double pearson(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
