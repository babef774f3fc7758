package org.tessera.subtype;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Confusion matrix, accuracy and Cohen's kappa between two labellings (sklearn.metrics.confusion_matrix and
 * cohen_kappa_score with no weights).
 *
 * <p>Conventions. kappa = (p_o - p_e) / (1 - p_e), p_o the observed agreement and p_e = sum_k (row_k /
 * n)(col_k / n) the agreement expected from the two marginal distributions. When p_e = 1 (both labellings
 * give every item the same single label) kappa is 0/0; sklearn returns NaN there, this throws instead.
 */
public final class Agreement {
    private Agreement() {
    }

    /**
     * @throws IllegalArgumentException if the lists differ in length, are empty, hold null, or kappa is
     *                                  undefined (p_e = 1)
     */
    public static AgreementResult of(List<String> first, List<String> second) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.size() != second.size()) {
            throw new IllegalArgumentException("labellings differ in length: " + first.size() + " vs "
                    + second.size());
        }
        if (first.isEmpty()) {
            throw new IllegalArgumentException("no items to compare");
        }
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i) == null || second.get(i) == null) {
                throw new IllegalArgumentException("null label at index " + i);
            }
        }
        var sorted = new TreeSet<String>(first);
        sorted.addAll(second);
        List<String> labels = List.copyOf(sorted);
        int k = labels.size();
        long[][] confusion = new long[k][k];
        for (int i = 0; i < first.size(); i++) {
            confusion[labels.indexOf(first.get(i))][labels.indexOf(second.get(i))]++;
        }
        int n = first.size();
        long same = 0;
        double expected = 0;
        for (int a = 0; a < k; a++) {
            same += confusion[a][a];
            long row = 0;
            long col = 0;
            for (int b = 0; b < k; b++) {
                row += confusion[a][b];
                col += confusion[b][a];
            }
            expected += ((double) row / n) * ((double) col / n);
        }
        double observed = (double) same / n;
        if (expected >= 1) {
            throw new IllegalArgumentException("kappa undefined: both labellings give every item the label "
                    + labels.getFirst());
        }
        return new AgreementResult(labels, confusion, n, observed, (observed - expected) / (1 - expected));
    }
}
