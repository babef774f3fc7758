package org.tessera.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.tessera.heads.GeneMetric;
import org.tessera.stats.MultipleTesting;

/**
 * What a run concludes about one gene beyond its validation metrics: the family-wise adjustments of its
 * validation Spearman p, whether EMO's rule selects it, and, with a held-out test set, its test metrics and
 * whether the test confirms it.
 *
 * <p>Conventions. p-values are one-sided (H1: positive correlation). Bonferroni and Holm are taken over the
 * genes whose validation Spearman p is defined (as the BH q of {@link org.tessera.heads.GeneMetrics}); an
 * undefined p gets NaN and the gene is never selected. Selection: validation R2 &gt; {@code minR2} and
 * Spearman BH q &lt; {@code maxQ}. Confirmation: a selected gene whose test Spearman p &lt;
 * {@code alpha} / (number of selected genes), a Bonferroni correction over the selected family only.
 *
 * @param gene                the gene
 * @param spearmanBonferroni  Bonferroni-adjusted validation Spearman p (statsmodels 'bonferroni')
 * @param spearmanHolm        Holm-adjusted validation Spearman p (statsmodels 'holm')
 * @param selected            chosen by the validation rule
 * @param confirmed           selected and significant on the test set (false without a test set)
 * @param test                test-set metrics (empty without a test set)
 */
public record GeneCall(String gene, double spearmanBonferroni, double spearmanHolm, boolean selected, boolean confirmed,
        Optional<GeneMetric> test) {
    public GeneCall {
        Objects.requireNonNull(gene, "gene");
        Objects.requireNonNull(test, "test");
        if (confirmed && !selected) {
            throw new IllegalArgumentException("gene " + gene + " is confirmed but not selected");
        }
    }

    /** EMO's thresholds: validation R2 &gt; 0.2, BH q &lt; 0.001, test family-wise alpha 0.05. */
    public record Rule(double minR2, double maxQ, double alpha) {
        public static final Rule EMO = new Rule(0.2, 0.001, 0.05);

        public Rule {
            if (!Double.isFinite(minR2)) {
                throw new IllegalArgumentException("minimum R2 must be finite, got " + minR2);
            }
            if (!(maxQ > 0 && maxQ <= 1)) {
                throw new IllegalArgumentException("maximum q must be in (0, 1], got " + maxQ);
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
            }
        }
    }

    /**
     * Calls every gene of {@code validation}; {@code test}, when present, lists the same genes in the same order.
     *
     * @throws IllegalArgumentException if the test metrics are for other genes
     */
    public static List<GeneCall> of(List<GeneMetric> validation, Optional<List<GeneMetric>> test, Rule rule) {
        int m = validation.size();
        test.ifPresent(t -> {
            if (!t.stream().map(GeneMetric::gene).toList().equals(validation.stream().map(GeneMetric::gene).toList())) {
                throw new IllegalArgumentException("test metrics are not for the validation genes in the same order");
            }
        });
        int[] tested = IntStream.range(0, m).filter(j -> !Double.isNaN(validation.get(j).spearmanP())).toArray();
        double[] p = IntStream.of(tested).mapToDouble(j -> validation.get(j).spearmanP()).toArray();
        double[] bonferroni = spread(m, tested, MultipleTesting.bonferroni(p));
        double[] holm = spread(m, tested, MultipleTesting.holm(p));
        boolean[] selected = new boolean[m];
        int nSelected = 0;
        for (int j = 0; j < m; j++) {
            GeneMetric v = validation.get(j);
            selected[j] = v.r2() > rule.minR2() && v.spearmanQ() < rule.maxQ();
            nSelected += selected[j] ? 1 : 0;
        }
        double threshold = rule.alpha() / Math.max(1, nSelected);
        List<GeneCall> out = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            int row = j;
            Optional<GeneMetric> t = test.map(list -> list.get(row));
            boolean confirmed = selected[j] && t.isPresent() && t.get().spearmanP() < threshold;
            out.add(new GeneCall(validation.get(j).gene(), bonferroni[j], holm[j], selected[j], confirmed, t));
        }
        return out;
    }

    private static double[] spread(int m, int[] tested, double[] adjusted) {
        double[] out = new double[m];
        Arrays.fill(out, Double.NaN);
        for (int t = 0; t < tested.length; t++) {
            out[tested[t]] = adjusted[t];
        }
        return out;
    }
}
