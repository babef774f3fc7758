package org.tessera.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a survival command prints: named sections, each a small table. Printed as aligned tables (numbers to
 * 6 significant digits, as R prints), TSV (a {@code # section} line, a header, then rows, full precision) or
 * one JSON object holding an array of row objects per section (full precision; NA, NaN and ±∞ as null).
 * Missing values print as {@code NA} in table and TSV; ∞ as {@code Inf}, as R.
 */
final class SurvivalReport {
    enum Format { table, tsv, json }

    private record Section(String name, List<String> columns, List<Object[]> rows) {
    }

    private final List<Section> sections = new ArrayList<>();

    /** Starts a section; add its rows with {@link #row(Object...)}. */
    SurvivalReport section(String name, String... columns) {
        sections.add(new Section(name, List.of(columns), new ArrayList<>()));
        return this;
    }

    /** Adds a row to the last section: numbers, strings, booleans, or null for missing. */
    SurvivalReport row(Object... cells) {
        Section s = sections.getLast();
        if (cells.length != s.columns().size()) {
            throw new IllegalStateException(s.name() + ": " + cells.length + " cells for " + s.columns());
        }
        s.rows().add(cells.clone());
        return this;
    }

    void print(Format format, PrintWriter out) {
        switch (format) {
            case table -> table(out);
            case tsv -> tsv(out);
            case json -> json(out);
        }
        out.flush();
    }

    private void table(PrintWriter out) {
        for (int k = 0; k < sections.size(); k++) {
            Section s = sections.get(k);
            if (k > 0) {
                out.println();
            }
            out.println(s.name() + ":");
            int n = s.columns().size();
            List<String[]> cells = new ArrayList<>();
            cells.add(s.columns().toArray(String[]::new));
            for (Object[] row : s.rows()) {
                cells.add(Arrays.stream(row).map(v -> text(v, true)).toArray(String[]::new));
            }
            int[] width = new int[n];
            for (String[] row : cells) {
                for (int i = 0; i < n; i++) {
                    width[i] = Math.max(width[i], row[i].length());
                }
            }
            for (String[] row : cells) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", row[i]));
                }
                out.println(b.toString().stripTrailing());
            }
        }
    }

    private void tsv(PrintWriter out) {
        for (int k = 0; k < sections.size(); k++) {
            Section s = sections.get(k);
            if (k > 0) {
                out.println();
            }
            out.println("# " + s.name());
            out.println(String.join("\t", s.columns()));
            for (Object[] row : s.rows()) {
                out.println(String.join("\t", Arrays.stream(row)
                        .map(v -> text(v, false).replace('\t', ' ').replace('\n', ' ')).toList()));
            }
        }
    }

    private void json(PrintWriter out) {
        out.println("{");
        for (int k = 0; k < sections.size(); k++) {
            Section s = sections.get(k);
            out.print("  " + ResultPrinter.jsonString(s.name()) + ": [");
            for (int r = 0; r < s.rows().size(); r++) {
                out.print(r == 0 ? "\n    {" : ",\n    {");
                Object[] row = s.rows().get(r);
                for (int i = 0; i < row.length; i++) {
                    out.print((i > 0 ? ", " : "") + ResultPrinter.jsonString(s.columns().get(i)) + ": " + json(row[i]));
                }
                out.print("}");
            }
            out.println((s.rows().isEmpty() ? "]" : "\n  ]") + (k + 1 < sections.size() ? "," : ""));
        }
        out.println("}");
    }

    private static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d.toString() : "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return ResultPrinter.jsonString(v.toString());
    }

    private static String text(Object v, boolean rounded) {
        if (v == null) {
            return "NA";
        }
        if (v instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d.isInfinite()) {
                return d > 0 ? "Inf" : "-Inf";
            }
            return rounded ? significant(d) : d.toString();
        }
        return v.toString();
    }

    /** Six significant digits without trailing zeros, as R's print (e.g. 0.0034273, 1.2e-18). */
    private static String significant(double d) {
        if (d == 0) {
            return "0";
        }
        double a = Math.abs(d);
        if (a >= 1e-4 && a < 1e15) {
            String s = new java.math.BigDecimal(d).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
            return s;
        }
        String s = String.format(Locale.ROOT, "%.5e", d);
        String mantissa = s.substring(0, s.indexOf('e'));
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + s.substring(s.indexOf('e'));
    }
}
