package org.tessera.train;

import java.util.List;
import java.util.Objects;

/**
 * Slide-level predictions: one row per slide, one column per gene.
 *
 * @param slideIds slides, in the order of the rows
 * @param genes    genes, in the order of the columns
 * @param values   slides x genes; copied in and out
 */
public record SlidePredictions(List<String> slideIds, List<String> genes, double[][] values) {
    public SlidePredictions {
        slideIds = List.copyOf(slideIds);
        genes = List.copyOf(genes);
        Objects.requireNonNull(values, "values");
        if (values.length != slideIds.size()) {
            throw new IllegalArgumentException(slideIds.size() + " slides but " + values.length + " rows of predictions");
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != genes.size()) {
                throw new IllegalArgumentException("slide " + slideIds.get(i) + " has " + values[i].length
                        + " predictions for " + genes.size() + " genes");
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /** One slide's predictions, in gene order. */
    public double[] slide(String slideId) {
        int row = slideIds.indexOf(slideId);
        if (row < 0) {
            throw new IllegalArgumentException("no predictions for slide " + slideId);
        }
        return values[row].clone();
    }
}
