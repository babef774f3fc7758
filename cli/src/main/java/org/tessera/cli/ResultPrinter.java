package org.tessera.cli;

import java.io.PrintWriter;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tessera.store.Json;

/**
 * Prints a JDBC result as an aligned table (long vectors abbreviated), CSV, TSV or JSON (an array of
 * objects, numbers as numbers, lists as arrays).
 */
final class ResultPrinter {
    private static final int VECTOR_PREVIEW = 4;

    private ResultPrinter() {
    }

    static void print(ResultSet r, String format, PrintWriter out, int maxRows) throws SQLException {
        switch (format) {
            case "csv" -> delimited(r, out, ",");
            case "tsv" -> delimited(r, out, "\t");
            case "json" -> json(r, out);
            default -> table(r, out, maxRows);
        }
        out.flush();
    }

    private static void table(ResultSet r, PrintWriter out, int maxRows) throws SQLException {
        ResultSetMetaData md = r.getMetaData();
        int n = md.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[n];
        for (int i = 0; i < n; i++) {
            header[i] = md.getColumnLabel(i + 1);
        }
        int total = 0;
        while (r.next()) {
            if (total++ < maxRows) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = text(r.getObject(i + 1), true);
                }
                rows.add(row);
            }
        }
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = header[i].length();
            for (String[] row : rows) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        line(out, header, width);
        String[] rule = new String[n];
        for (int i = 0; i < n; i++) {
            rule[i] = "-".repeat(width[i]);
        }
        line(out, rule, width);
        rows.forEach(row -> line(out, row, width));
        out.printf("(%d row%s%s)%n", total, total == 1 ? "" : "s", total > maxRows ? ", " + maxRows + " shown" : "");
    }

    private static void line(PrintWriter out, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append("  ");
            }
            b.append(String.format("%-" + width[i] + "s", cells[i]));
        }
        out.println(b.toString().stripTrailing());
    }

    private static void delimited(ResultSet r, PrintWriter out, String sep) throws SQLException {
        ResultSetMetaData md = r.getMetaData();
        int n = md.getColumnCount();
        List<String> header = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            header.add(quote(md.getColumnLabel(i), sep));
        }
        out.println(String.join(sep, header));
        while (r.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                cells.add(quote(text(r.getObject(i), false), sep));
            }
            out.println(String.join(sep, cells));
        }
    }

    private static String quote(String s, String sep) {
        if (sep.equals(",") && (s.contains(",") || s.contains("\"") || s.contains("\n"))) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return sep.equals("\t") ? s.replace('\t', ' ').replace('\n', ' ') : s;
    }

    private static void json(ResultSet r, PrintWriter out) throws SQLException {
        ResultSetMetaData md = r.getMetaData();
        int n = md.getColumnCount();
        out.print("[");
        boolean first = true;
        while (r.next()) {
            out.print(first ? "\n  {" : ",\n  {");
            first = false;
            for (int i = 1; i <= n; i++) {
                out.print((i > 1 ? ", " : "") + jsonString(md.getColumnLabel(i)) + ": " + jsonValue(r.getObject(i)));
            }
            out.print("}");
        }
        out.println(first ? "]" : "\n]");
    }

    private static String jsonValue(Object v) throws SQLException {
        if (v == null) {
            return "null";
        }
        if (v instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            List<String> parts = new ArrayList<>();
            for (Object o : items) {
                parts.add(jsonValue(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof Number num) {
            double d = num.doubleValue();
            return Double.isFinite(d) ? num.toString() : "null";
        }
        if (v instanceof Boolean) {
            return v.toString();
        }
        return jsonString(v.toString());
    }

    static String jsonString(String s) {
        return Json.write(s);
    }

    private static String text(Object v, boolean abbreviate) throws SQLException {
        if (v == null) {
            return abbreviate ? "NULL" : "";
        }
        if (v instanceof Array a) {
            Object[] items = (Object[]) a.getArray();
            if (abbreviate && items.length > VECTOR_PREVIEW) {
                Object[] head = Arrays.copyOf(items, VECTOR_PREVIEW);
                String s = Arrays.toString(head);
                return s.substring(0, s.length() - 1) + ", ... (" + items.length + ")]";
            }
            return Arrays.toString(items);
        }
        return v.toString();
    }
}
