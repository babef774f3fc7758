package org.tessera.subtype;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The documented linear part of a weighted panel: per sample, sum over the panel's weighted genes of
 * weight x expression, on the matrix's scale. This is only that sum. genefu's oncotypedx() and endoPredict()
 * do more (reference-gene normalisation, per-gene scaling with EndoPredict's a/b columns, group thresholds
 * and rescaling to 0-100 for Oncotype DX) and none of that is implemented here, so the result is not a
 * Recurrence Score or an EP score.
 */
public final class PanelScore {
    private PanelScore() {
    }

    /**
     * One weighted sum per sample, in matrix order. Genes are matched by exact symbol.
     *
     * @throws IllegalArgumentException naming the weighted genes absent from the matrix
     */
    public static double[] weightedSum(ExpressionMatrix matrix, Panel panel) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(panel, "panel");
        int[] columns = new int[panel.symbols().size()];
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            columns[k] = matrix.genes().indexOf(panel.symbols().get(k));
            if (columns[k] < 0) {
                missing.add(panel.symbols().get(k));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(panel.name() + ": weighted genes missing from the matrix: "
                    + missing);
        }
        double[] w = panel.weights();
        double[] score = new double[matrix.samples().size()];
        for (int i = 0; i < score.length; i++) {
            double sum = 0;
            for (int k = 0; k < columns.length; k++) {
                sum += w[k] * matrix.value(i, columns[k]);
            }
            score[i] = sum;
        }
        return score;
    }
}
