package org.tessera.subtype;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The PAM50 proliferation score: per sample, the arithmetic mean of the 11 proliferation genes flagged in
 * pam50_genes.tsv (BIRC5, CCNB1, CDC20, NUF2, CEP55, NDC80, MKI67, PTTG1, RRM2, TYMS, UBE2C), on the scale of
 * the matrix as given (no centring or scaling here; the TCGA tests pass log2(1 + RSEM), so the score is a
 * mean log2 expression). All flagged genes must be present: a mean over a subset would be a different score.
 */
public final class ProliferationScore {
    private ProliferationScore() {
    }

    /**
     * One score per sample, in matrix order.
     *
     * @param genes the PAM50 gene table; its genes with {@link Pam50Gene#proliferation()} are averaged
     * @throws IllegalArgumentException naming the flagged genes absent from the matrix (under either symbol),
     *                                  or if the table flags no gene
     */
    public static double[] of(ExpressionMatrix matrix, List<Pam50Gene> genes) {
        Objects.requireNonNull(matrix, "matrix");
        List<Integer> columns = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Pam50Gene g : genes) {
            if (!g.proliferation()) {
                continue;
            }
            int col = g.columnIn(matrix.genes());
            if (col < 0) {
                missing.add(g.currentSymbol());
            } else {
                columns.add(col);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("proliferation genes missing from the matrix: " + missing);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("the gene table flags no proliferation gene");
        }
        double[] score = new double[matrix.samples().size()];
        for (int i = 0; i < score.length; i++) {
            double sum = 0;
            for (int col : columns) {
                sum += matrix.value(i, col);
            }
            score[i] = sum / columns.size();
        }
        return score;
    }
}
