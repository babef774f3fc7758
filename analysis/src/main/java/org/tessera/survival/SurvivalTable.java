package org.tessera.survival;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tessera.text.TextTable;

/**
 * A table of text cells read for the survival commands, from a CSV/TSV file or a query on the store. It
 * exists so the commands can treat both sources alike and name the source in every error. Cells are
 * strings, {@code null} for missing: an empty cell, {@code NA} and SQL NULL are all missing (R's
 * {@code read.csv} default). Numbers from the store keep their exact decimal text.
 *
 * <p>Files are read by {@link TextTable} (delimiter, quoting, comments, byte-order mark and missing values as
 * every user table); events and times are read by {@link SurvivalCodes}.
 */
public final class SurvivalTable {
    private final String source;
    private final List<String> names;
    private final List<String[]> rows;
    private final int[] rowNumbers;
    private final String rowWord;

    private SurvivalTable(String source, String rowWord, List<String> names, List<String[]> rows, int[] rowNumbers) {
        this.source = source;
        this.rowWord = rowWord;
        this.names = List.copyOf(names);
        this.rows = rows;
        this.rowNumbers = rowNumbers;
    }

    /** Reads a CSV/TSV file (see {@link TextTable}). */
    public static SurvivalTable readFile(Path file) throws IOException {
        TextTable t = TextTable.read(file);
        List<String[]> rows = t.rows().stream()
                .map(r -> r.cells().stream().map(SurvivalTable::missingToNull).toArray(String[]::new)).toList();
        int[] numbers = t.rows().stream().mapToInt(r -> (int) r.line()).toArray();
        return new SurvivalTable(file.toString(), "line", t.header(), rows, numbers);
    }

    /** Reads every row of a result; {@code source} names it in errors (the table or the query). */
    public static SurvivalTable read(ResultSet r, String source) throws SQLException {
        ResultSetMetaData md = r.getMetaData();
        int n = md.getColumnCount();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            names.add(md.getColumnLabel(i));
        }
        List<String[]> rows = new ArrayList<>();
        while (r.next()) {
            String[] row = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = r.getObject(i + 1);
                row[i] = v == null ? null : missingToNull(v.toString());
            }
            rows.add(row);
        }
        int[] numbers = new int[rows.size()];
        Arrays.setAll(numbers, i -> i + 1);
        return new SurvivalTable(source, "row", names, rows, numbers);
    }

    public String source() {
        return source;
    }

    public int size() {
        return rows.size();
    }

    private int index(String column) {
        int i = names.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(source + ": no column '" + column + "' (columns: "
                    + String.join(", ", names) + ")");
        }
        return i;
    }

    /** Checks the columns exist before anything is computed. */
    public void require(List<String> columns) {
        columns.forEach(this::index);
    }

    /** The rows with a value in every one of {@code columns}, in their original order. */
    public SurvivalTable complete(List<String> columns) {
        int[] at = columns.stream().mapToInt(this::index).toArray();
        List<String[]> kept = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (Arrays.stream(at).allMatch(i -> row[i] != null)) {
                kept.add(row);
                numbers.add(rowNumbers[r]);
            }
        }
        return new SurvivalTable(source, rowWord, names, kept, numbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The cells of a column, {@code null} for missing. */
    public List<String> labels(String column) {
        int i = index(column);
        return rows.stream().map(row -> row[i]).toList();
    }

    /** True when every present value of the column parses as a number. */
    public boolean isNumeric(String column) {
        int i = index(column);
        return rows.stream().allMatch(row -> row[i] == null || parse(row[i]) != null);
    }

    /** The column as numbers, NaN for missing; a cell that is not a number is an error naming it. */
    public double[] numbers(String column) {
        int i = index(column);
        double[] x = new double[rows.size()];
        for (int r = 0; r < x.length; r++) {
            String cell = rows.get(r)[i];
            if (cell == null) {
                x[r] = Double.NaN;
                continue;
            }
            Double d = parse(cell);
            if (d == null) {
                throw new IllegalArgumentException(where(column, r) + ": '" + cell + "' is not a number");
            }
            x[r] = d;
        }
        return x;
    }

    /** Survival times: numbers, finite and &ge; 0 ({@link SurvivalCodes#time}). */
    public double[] times(String column) {
        int i = index(column);
        double[] t = new double[rows.size()];
        for (int r = 0; r < t.length; r++) {
            String cell = rows.get(r)[i];
            int row = r;
            t[r] = java.util.Optional.ofNullable(cell).flatMap(SurvivalCodes::time).orElseThrow(() -> new IllegalArgumentException(
                    where(column, row) + ": time " + cell + " must be a number, finite and >= 0"));
        }
        return t;
    }

    /** Event indicators in any coding {@link SurvivalCodes#event} reads. */
    public boolean[] events(String column) {
        int i = index(column);
        boolean[] e = new boolean[rows.size()];
        for (int r = 0; r < e.length; r++) {
            String cell = rows.get(r)[i];
            int row = r;
            e[r] = java.util.Optional.ofNullable(cell).flatMap(SurvivalCodes::event).orElseThrow(() -> new IllegalArgumentException(where(column, row) + ": event '" + cell
                    + "' is not " + SurvivalCodes.EVENT_CODINGS));
        }
        return e;
    }

    private String where(String column, int r) {
        return source + ": column '" + column + "', " + rowWord + " " + rowNumbers[r];
    }

    private static Double parse(String s) {
        return SurvivalCodes.number(s).orElse(null);
    }

    private static String missingToNull(String cell) {
        return TextTable.isMissing(cell) ? null : cell;
    }
}
