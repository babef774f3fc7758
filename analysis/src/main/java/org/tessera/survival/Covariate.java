package org.tessera.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One column of a Cox model's design matrix. Categorical variables become several indicator covariates
 * sharing a {@code term} (R's treatment contrasts: {@code tgrade} gives {@code tgradeII} and
 * {@code tgradeIII} against level I), so a table can fit a term's columns together and report group sizes.
 * NaN marks a missing value; models reject it, so incomplete rows are dropped explicitly with
 * {@link #completeRows(List)} and {@link SurvivalData#subset(boolean[])}.
 *
 * @param term     the variable this column comes from ("tgrade")
 * @param name     the column's name, as R names coefficients ("tgradeII")
 * @param values   one value per row, NaN if missing
 * @param contrast for an indicator, which level it marks and which rows form the reference group
 */
public record Covariate(String term, String name, double[] values, Optional<Contrast> contrast) {
    /**
     * What an indicator compares.
     *
     * @param level       label of the rows coded 1 ("II", "> 50")
     * @param reference   label of the reference rows ("I", "&lt;= 50")
     * @param inReference true for the rows of the reference group
     */
    public record Contrast(String level, String reference, boolean[] inReference) {
        public Contrast {
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(reference, "reference");
            inReference = inReference.clone();
        }

        @Override
        public boolean[] inReference() {
            return inReference.clone();
        }
    }

    public Covariate {
        if (term == null || term.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("covariate term and name must be non-blank: " + term + ", " + name);
        }
        Objects.requireNonNull(contrast, "contrast");
        if (values.length == 0) {
            throw new IllegalArgumentException("covariate " + name + " has no values");
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isInfinite(values[i])) {
                throw new IllegalArgumentException("covariate " + name + " is infinite at row " + i);
            }
        }
        if (contrast.isPresent() && contrast.get().inReference.length != values.length) {
            throw new IllegalArgumentException("covariate " + name + ": reference mask has "
                    + contrast.get().inReference.length + " rows, values " + values.length);
        }
        values = values.clone();
    }

    /** A numeric covariate entered as is; its hazard ratio is per unit. NaN = missing. */
    public static Covariate continuous(String name, double[] values) {
        return new Covariate(name, name, values, Optional.empty());
    }

    /**
     * A continuous covariate cut in two, as R's {@code I(x > cutOff)}: 1 when x &gt; cutOff (strictly), 0 when
     * x &le; cutOff, NaN stays missing. The column is named {@code name + ">" + cutOff}.
     */
    public static Covariate dichotomised(String name, double[] values, double cutOff) {
        if (!Double.isFinite(cutOff)) {
            throw new IllegalArgumentException("cut-off for " + name + " must be finite: " + cutOff);
        }
        double[] coded = new double[values.length];
        boolean[] reference = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            coded[i] = Double.isNaN(values[i]) ? Double.NaN : values[i] > cutOff ? 1 : 0;
            reference[i] = values[i] <= cutOff;
        }
        String cut = format(cutOff);
        return new Covariate(name, name + ">" + cut, coded,
                Optional.of(new Contrast("> " + cut, "<= " + cut, reference)));
    }

    /**
     * Indicator columns for a categorical variable, one per level other than {@code reference}, in sorted
     * level order (R's treatment contrasts), named {@code term + level}. A null label is missing (NaN in every
     * column).
     */
    public static List<Covariate> indicators(String term, List<String> labels, String reference) {
        TreeSet<String> levels = new TreeSet<>();
        for (String label : labels) {
            if (label != null) {
                levels.add(label);
            }
        }
        if (!levels.contains(reference)) {
            throw new IllegalArgumentException("reference level " + reference + " of " + term
                    + " is not among its levels " + levels);
        }
        if (levels.size() < 2) {
            throw new IllegalArgumentException(term + " has a single level " + levels + ": nothing to compare");
        }
        boolean[] inReference = new boolean[labels.size()];
        for (int i = 0; i < inReference.length; i++) {
            inReference[i] = reference.equals(labels.get(i));
        }
        List<Covariate> columns = new ArrayList<>();
        for (String level : levels) {
            if (level.equals(reference)) {
                continue;
            }
            double[] x = new double[labels.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = labels.get(i) == null ? Double.NaN : level.equals(labels.get(i)) ? 1 : 0;
            }
            columns.add(new Covariate(term, term + level, x, Optional.of(new Contrast(level, reference, inReference))));
        }
        return columns;
    }

    /** Rows where every covariate has a value (R's complete.cases). */
    public static boolean[] completeRows(List<Covariate> covariates) {
        int n = covariates.getFirst().values.length;
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        for (Covariate c : covariates) {
            if (c.values.length != n) {
                throw new IllegalArgumentException("covariate " + c.name + " has " + c.values.length
                        + " rows, expected " + n);
            }
            for (int i = 0; i < n; i++) {
                keep[i] &= !Double.isNaN(c.values[i]);
            }
        }
        return keep;
    }

    /** The rows where {@code keep} is true. */
    public Covariate subset(boolean[] keep) {
        if (keep.length != values.length) {
            throw new IllegalArgumentException("keep has " + keep.length + " rows but covariate " + name + " has "
                    + values.length);
        }
        double[] x = new double[count(keep)];
        boolean[] ref = new boolean[x.length];
        for (int i = 0, j = 0; i < keep.length; i++) {
            if (keep[i]) {
                ref[j] = contrast.isPresent() && contrast.get().inReference[i];
                x[j++] = values[i];
            }
        }
        return new Covariate(term, name, x, contrast.map(c -> new Contrast(c.level, c.reference, ref)));
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    double value(int row) {
        return values[row];
    }

    int size() {
        return values.length;
    }

    private static int count(boolean[] keep) {
        int m = 0;
        for (boolean k : keep) {
            m += k ? 1 : 0;
        }
        return m;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Covariate c && term.equals(c.term) && name.equals(c.name)
                && Arrays.equals(values, c.values) && contrast.isPresent() == c.contrast.isPresent();
    }

    @Override
    public int hashCode() {
        return Objects.hash(term, name, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Covariate[" + name + ", n=" + values.length + contrast.map(c -> ", " + c.level + " vs " + c.reference)
                .orElse("") + "]";
    }
}
