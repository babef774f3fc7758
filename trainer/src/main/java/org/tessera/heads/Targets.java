package org.tessera.heads;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * What a head learns to predict: one column per output (a gene), one row per matrix row, aligned by
 * position with the feature matrix it is fitted with. Values must be finite: a missing measurement is
 * dropped before, not imputed here.
 *
 * @param names  output names, distinct
 * @param values rows x outputs; copied in and out
 */
public record Targets(List<String> names, double[][] values) {
    public Targets {
        names = List.copyOf(names);
        Objects.requireNonNull(values, "values");
        if (names.isEmpty()) {
            throw new IllegalArgumentException("targets need at least one output");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("target names must be distinct, got " + names);
        }
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].length != names.size()) {
                throw new IllegalArgumentException("target row " + i + " has " + (values[i] == null ? "no" : values[i].length)
                        + " values for " + names.size() + " outputs");
            }
            for (int j = 0; j < names.size(); j++) {
                if (!Double.isFinite(values[i][j])) {
                    throw new IllegalArgumentException("target " + names.get(j) + " is " + values[i][j] + " in row " + i);
                }
            }
            copy[i] = values[i].clone();
        }
        values = copy;
    }

    public int rows() {
        return values.length;
    }

    public int outputs() {
        return names.size();
    }

    public double get(int row, int output) {
        return values[row][output];
    }

    /** One output's values over all rows. */
    public double[] column(int output) {
        Objects.checkIndex(output, names.size());
        double[] c = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i][output];
        }
        return c;
    }

    /** A copy of the values, rows x outputs. */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }

    /** The targets of the given rows, in the given order (for splits). */
    public Targets select(int[] rowIndices) {
        double[][] picked = new double[rowIndices.length][];
        for (int k = 0; k < rowIndices.length; k++) {
            picked[k] = values[Objects.checkIndex(rowIndices[k], values.length)];
        }
        return new Targets(names, picked);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Targets t && names.equals(t.names) && Arrays.deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "Targets[" + values.length + " rows x " + names + "]";
    }
}
