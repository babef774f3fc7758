package org.tessera.subtype;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Expression of some genes in some samples: {@code values[sample][gene]}, all finite. The scale is the
 * caller's; {@link #log2OnePlus()} gives log2(1 + x), the scale the TCGA tests use for RSEM values.
 */
public record ExpressionMatrix(List<String> samples, List<String> genes, double[][] values) {
    public ExpressionMatrix {
        samples = List.copyOf(samples);
        genes = List.copyOf(genes);
        Objects.requireNonNull(values, "values");
        if (samples.isEmpty() || genes.isEmpty()) {
            throw new IllegalArgumentException("empty matrix: " + samples.size() + " samples x " + genes.size()
                    + " genes");
        }
        requireUnique(samples, "sample");
        requireUnique(genes, "gene");
        if (values.length != samples.size()) {
            throw new IllegalArgumentException(values.length + " rows of values for " + samples.size() + " samples");
        }
        double[][] copy = new double[values.length][];
        for (int s = 0; s < values.length; s++) {
            if (values[s].length != genes.size()) {
                throw new IllegalArgumentException("sample " + samples.get(s) + " has " + values[s].length
                        + " values for " + genes.size() + " genes");
            }
            for (int g = 0; g < genes.size(); g++) {
                if (!Double.isFinite(values[s][g])) {
                    throw new IllegalArgumentException("sample " + samples.get(s) + ", gene " + genes.get(g)
                            + ": value " + values[s][g] + " is not finite");
                }
            }
            copy[s] = values[s].clone();
        }
        values = copy;
    }

    private static void requireUnique(List<String> names, String what) {
        var seen = new HashSet<String>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("duplicate " + what + " name: " + n);
            }
        }
    }

    /** A copy of the values (the record keeps its own). */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int s = 0; s < values.length; s++) {
            copy[s] = values[s].clone();
        }
        return copy;
    }

    /** One value without copying the matrix. */
    public double value(int sample, int gene) {
        return values[sample][gene];
    }

    /**
     * log2(1 + x) of every value, computed as {@code Math.log1p(x) / Math.log(2)}.
     *
     * @throws IllegalArgumentException naming the first value below 0 (log2(1 + x) needs x &gt; -1 and
     *                                  expression counts are never negative)
     */
    public ExpressionMatrix log2OnePlus() {
        double[][] out = new double[values.length][genes.size()];
        for (int s = 0; s < values.length; s++) {
            for (int g = 0; g < genes.size(); g++) {
                double x = values[s][g];
                if (x < 0) {
                    throw new IllegalArgumentException("sample " + samples.get(s) + ", gene " + genes.get(g)
                            + ": value " + x + " is negative, log2(1 + x) expects counts or RSEM values");
                }
                out[s][g] = Math.log1p(x) / Math.log(2);
            }
        }
        return new ExpressionMatrix(samples, genes, out);
    }
}
