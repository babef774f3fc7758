package org.tessera.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.tessera.heads.Targets;
import org.tessera.stats.Correlation;

/**
 * hist2RNA's "correlation across patients": for one unit, predicted against measured values over the genes
 * (not over units, as {@link org.tessera.heads.GeneMetric} does). Both are NaN when the unit's predictions or
 * measurements are constant across genes (no correlation is defined), stored as NULL.
 *
 * @param unit         the unit (a patient, or a feature-set row)
 * @param evaluation   {@code validation} (out-of-fold prediction) or {@code test} (refitted head on a test unit)
 * @param spearmanRho  Spearman's rho over genes (average ranks, scipy.stats.spearmanr)
 * @param pearsonR     Pearson's r over genes
 */
public record UnitResult(String unit, String evaluation, double spearmanRho, double pearsonR) {
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";

    public UnitResult {
        Objects.requireNonNull(unit, "unit");
        if (!VALIDATION.equals(evaluation) && !TEST.equals(evaluation)) {
            throw new IllegalArgumentException("evaluation must be 'validation' or 'test', got " + evaluation);
        }
    }

    /**
     * One result per row of {@code observed} (row i is unit {@code units.get(i)}, predicted by {@code predicted[i]}).
     *
     * @throws IllegalArgumentException if the sizes differ or there are fewer than 3 genes
     */
    public static List<UnitResult> of(List<String> units, Targets observed, double[][] predicted, String evaluation) {
        if (units.size() != observed.rows() || predicted.length != observed.rows()) {
            throw new IllegalArgumentException(units.size() + " units, " + observed.rows() + " observed rows and "
                    + predicted.length + " predicted rows");
        }
        if (observed.outputs() < 3) {
            throw new IllegalArgumentException("a correlation across genes needs at least 3 genes, got " + observed.outputs());
        }
        List<UnitResult> out = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            double[] y = observed.values()[i];
            double[] yhat = predicted[i];
            if (constant(y) || constant(yhat)) {
                out.add(new UnitResult(units.get(i), evaluation, Double.NaN, Double.NaN));
            } else {
                out.add(new UnitResult(units.get(i), evaluation, Correlation.spearman(yhat, y).estimate(),
                        Correlation.pearson(yhat, y).estimate()));
            }
        }
        return out;
    }

    /** The median Spearman rho of the results with the given evaluation (NaN rhos left out; NaN if none). */
    public static double medianSpearman(List<UnitResult> results, String evaluation) {
        return org.tessera.stats.Quantiles.medianIgnoringNaN(results.stream().filter(r -> r.evaluation().equals(evaluation))
                .mapToDouble(UnitResult::spearmanRho).toArray());
    }

    private static boolean constant(double[] v) {
        return Arrays.stream(v).allMatch(x -> x == v[0]);
    }
}
