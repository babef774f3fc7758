package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GeneMetricsTest {
    @Test
    void constantGenesAreScoredAsUntestedNotAsErrors() {
        Targets observed = new Targets(List.of("flat", "varied"), new double[][] {{1, 1}, {1, 2}, {1, 3}, {1, 5}});
        double[][] predicted = {{1, 1.5}, {2, 2}, {3, 2.5}, {4, 6}};
        List<GeneMetric> m = GeneMetrics.of(observed, predicted);
        assertTrue(Double.isNaN(m.get(0).spearmanRho()) && Double.isNaN(m.get(0).spearmanQ()) && Double.isNaN(m.get(0).r2()));
        assertEquals(1.0, m.get(1).spearmanRho(), 1e-12);
        assertEquals(m.get(1).spearmanP(), m.get(1).spearmanQ(), 0, "a family of one tested gene: q = p");
    }

    @Test
    void scoresMatchTheStatisticsOfEachColumn() {
        Targets observed = new Targets(List.of("a"), new double[][] {{1}, {3}, {2}, {5}, {4}});
        double[][] predicted = {{1.2}, {2.5}, {2.6}, {4.1}, {4.9}};
        GeneMetric m = GeneMetrics.of(observed, predicted).get(0);
        double[] y = {1, 3, 2, 5, 4};
        double[] p = {1.2, 2.5, 2.6, 4.1, 4.9};
        assertEquals(org.tessera.stats.Correlation.pearson(p, y).estimate(), m.pearsonR(), 0);
        assertEquals(org.tessera.stats.Correlation.spearman(p, y).pValue(), m.spearmanP(), 0);
        assertEquals(org.tessera.stats.Metrics.r2Pred(y, p), m.r2(), 0);
    }
}
