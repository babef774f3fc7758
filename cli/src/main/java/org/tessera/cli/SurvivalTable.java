package org.tessera.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tessera.text.DelimitedLine;

/**
 * A table of text cells read for the survival commands, from a CSV/TSV file or a query on the store. It
 * exists so the commands can treat both sources alike and name the source in every error. Cells are
 * strings, {@code null} for missing: an empty cell, {@code NA} and SQL NULL are all missing (R's
 * {@code read.csv} default). Numbers from the store keep their exact decimal text.
 *
 * <p>Files: the delimiter is a tab for {@code .tsv}/{@code .tab}/{@code .txt}, a comma for {@code .csv}, and
 * otherwise whichever of tab, comma or semicolon is most frequent in the header. Fields may be quoted
 * RFC 4180 style (on one line). Lines starting with {@code #} before the header are skipped (cBioPortal
 * files open with four such lines).
 */
final class SurvivalTable {
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

    static SurvivalTable readFile(Path file) throws IOException {
        String source = file.toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            while (header != null && header.startsWith("#")) {
                header = in.readLine();
            }
            if (header == null) {
                throw new IllegalArgumentException(source + ": empty file, no header line");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            char sep = delimiter(file, header);
            List<String> names = split(header, sep).stream().map(String::strip).toList();
            List<String[]> rows = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            int line = 1;
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> cells = split(text, sep);
                if (cells.size() != names.size()) {
                    throw new IllegalArgumentException(source + ": line " + line + " has " + cells.size()
                            + " fields, the header has " + names.size());
                }
                rows.add(cells.stream().map(SurvivalTable::missingToNull).toArray(String[]::new));
                numbers.add(line);
            }
            return new SurvivalTable(source, "line", names, rows, numbers.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    /** Reads every row of a result; {@code source} names it in errors (the table or the query). */
    static SurvivalTable read(ResultSet r, String source) throws SQLException {
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

    String source() {
        return source;
    }

    int size() {
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
    void require(List<String> columns) {
        columns.forEach(this::index);
    }

    /** The rows with a value in every one of {@code columns}, in their original order. */
    SurvivalTable complete(List<String> columns) {
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
    List<String> labels(String column) {
        int i = index(column);
        return rows.stream().map(row -> row[i]).toList();
    }

    /** True when every present value of the column parses as a number. */
    boolean isNumeric(String column) {
        int i = index(column);
        return rows.stream().allMatch(row -> row[i] == null || parse(row[i]) != null);
    }

    /** The column as numbers, NaN for missing; a cell that is not a number is an error naming it. */
    double[] numbers(String column) {
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

    /** Survival times: numbers, finite and &ge; 0. */
    double[] times(String column) {
        double[] t = numbers(column);
        for (int r = 0; r < t.length; r++) {
            if (!(Double.isFinite(t[r]) && t[r] >= 0)) {
                throw new IllegalArgumentException(where(column, r) + ": time " + rows.get(r)[index(column)]
                        + " must be finite and >= 0");
            }
        }
        return t;
    }

    /**
     * Event indicators. Accepted codings: 1/0 (also 1.0/0.0), TRUE/FALSE (T/F, any case), and text led by
     * the digit and a colon, as cBioPortal's {@code 1:DECEASED}/{@code 0:LIVING}.
     */
    boolean[] events(String column) {
        int i = index(column);
        boolean[] e = new boolean[rows.size()];
        for (int r = 0; r < e.length; r++) {
            String cell = rows.get(r)[i];
            String s = cell.strip().toLowerCase(Locale.ROOT);
            int colon = s.indexOf(':');
            if (colon > 0) {
                s = s.substring(0, colon).strip();
            }
            e[r] = switch (s) {
                case "1", "1.0", "true", "t" -> true;
                case "0", "0.0", "false", "f" -> false;
                default -> throw new IllegalArgumentException(where(column, r) + ": event '" + cell
                        + "' is not 1/0, TRUE/FALSE or '1:...'/'0:...'");
            };
        }
        return e;
    }

    private String where(String column, int r) {
        return source + ": column '" + column + "', " + rowWord + " " + rowNumbers[r];
    }

    private static Double parse(String s) {
        String t = s.strip();
        if (t.isEmpty() || !(Character.isDigit(t.charAt(t.length() - 1)) || t.endsWith("."))) {
            return null; // rejects Java's "1d", "NaN", "Infinity" which are not data values
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String missingToNull(String cell) {
        String s = cell.strip();
        return s.isEmpty() || s.equals("NA") ? null : cell;
    }

    private static char delimiter(Path file, String header) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".txt")) {
            return '\t';
        }
        if (name.endsWith(".csv")) {
            return ',';
        }
        char best = ',';
        long most = -1;
        for (char c : new char[] {'\t', ',', ';'}) {
            long count = header.chars().filter(ch -> ch == c).count();
            if (count > most) {
                most = count;
                best = c;
            }
        }
        return best;
    }

    /** Splits one line on {@code sep}, honouring double quotes ("" inside quotes is a quote). */
    private static List<String> split(String line, char sep) {
        return DelimitedLine.split(line, sep);
    }
}
