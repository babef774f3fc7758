package org.tessera.subtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 11-gene proliferation score on TCGA-BRCA log2(1 + RSEM), averaged per published subtype. Expected values
 * from /usr/bin/python3 (pandas):
 *
 * <pre>
 * prolif = list(g.current_HGNC_symbol[g.in_11gene_proliferation == 'Y'])
 * p = x[prolif].mean(axis=1)                 # x = np.log2(1 + expression)
 * p.iloc[:3].tolist()   # [9.246106303359324, 9.827843467879696, 9.619051123887475]
 * p.groupby(cl.reindex(x.index).str.replace('BRCA_', '')).mean()
 * # Basal 10.26463429109993, Her2 9.610440540962774, LumA 8.230140604382333,
 * # LumB 9.604473286778626, Normal 8.139510607700915
 * </pre>
 */
class ProliferationScoreTest {
    @Test
    void firstPatientsEqualPandas() {
        double[] p = ProliferationScore.of(Tcga.log2Expression(), Tcga.genes());
        assertEquals(9.246106303359324, p[0], 1e-9);
        assertEquals(9.827843467879696, p[1], 1e-9);
        assertEquals(9.619051123887475, p[2], 1e-9);
    }

    @Test
    void meanPerPublishedSubtypeEqualsPandasAndOrdersBasalAboveLumBAboveLumA() {
        ExpressionMatrix m = Tcga.log2Expression();
        double[] p = ProliferationScore.of(m, Tcga.genes());
        Map<String, String> published = Tcga.publishedSubtypes();
        Map<String, double[]> sums = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            String s = published.get(m.samples().get(i));
            if (s != null) {
                double[] acc = sums.computeIfAbsent(s, k -> new double[2]);
                acc[0] += p[i];
                acc[1]++;
            }
        }
        Map<String, Double> mean = new HashMap<>();
        sums.forEach((k, v) -> mean.put(k, v[0] / v[1]));
        assertEquals(10.26463429109993, mean.get("Basal"), 1e-9);
        assertEquals(9.610440540962774, mean.get("Her2"), 1e-9);
        assertEquals(8.230140604382333, mean.get("LumA"), 1e-9);
        assertEquals(9.604473286778626, mean.get("LumB"), 1e-9);
        assertEquals(8.139510607700915, mean.get("Normal"), 1e-9);
        assertTrue(mean.get("Basal") > mean.get("LumB") && mean.get("LumB") > mean.get("LumA") + 1);
    }

    @Test
    void missingProliferationGeneIsNamed() {
        var m = new ExpressionMatrix(List.of("s1"), List.of("BIRC5", "ESR1"), new double[][] {{1, 2}});
        var e = assertThrows(IllegalArgumentException.class, () -> ProliferationScore.of(m, Tcga.genes()));
        assertTrue(e.getMessage().contains("NDC80") && !e.getMessage().contains("BIRC5"), e.getMessage());
    }
}
