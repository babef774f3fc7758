package org.tessera.subtype;

import java.util.List;

/**
 * Agreement between two labellings of the same items.
 *
 * @param labels    every label seen in either labelling, sorted (String natural order, as sklearn sorts)
 * @param confusion counts: row = label in the first labelling, column = label in the second
 * @param n         number of items
 * @param accuracy  fraction of items with the same label in both
 * @param kappa     Cohen's unweighted kappa
 */
public record AgreementResult(List<String> labels, long[][] confusion, int n, double accuracy, double kappa) {
    public AgreementResult {
        labels = List.copyOf(labels);
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            if (confusion[i].length != labels.size()) {
                throw new IllegalArgumentException("confusion row " + i + " has " + confusion[i].length
                        + " cells for " + labels.size() + " labels");
            }
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
        if (!(accuracy >= 0 && accuracy <= 1)) {
            throw new IllegalArgumentException("accuracy must be in [0, 1]: " + accuracy);
        }
        if (!(kappa >= -1 && kappa <= 1)) {
            throw new IllegalArgumentException("kappa must be in [-1, 1]: " + kappa);
        }
    }

    @Override
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    /** The count of items labelled {@code first} by the first labelling and {@code second} by the second. */
    public long count(String first, String second) {
        int i = labels.indexOf(first);
        int j = labels.indexOf(second);
        if (i < 0 || j < 0) {
            throw new IllegalArgumentException("unknown label: " + (i < 0 ? first : second) + " not in " + labels);
        }
        return confusion[i][j];
    }
}
