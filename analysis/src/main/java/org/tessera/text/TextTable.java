package org.tessera.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A user's table file (CSV or TSV: manifests, expression and clinical tables, survival files, signatures),
 * read the one way every command reads them, with Apache Commons CSV:
 * <ul>
 * <li>the delimiter from the extension ({@code .csv} comma; {@code .tsv}, {@code .tab}, {@code .txt} tab; also
 * under {@code .gz}), otherwise whichever of tab, comma and semicolon the header line holds most of;</li>
 * <li>fields may be quoted RFC 4180 style: delimiters and line breaks inside quotes are text, {@code ""} is a
 * quote; a UTF-8 byte-order mark is dropped; CRLF and LF both end a record;</li>
 * <li>lines starting with {@code #} are comments (cBioPortal files open with four) and blank lines are
 * skipped; the first other record is the header;</li>
 * <li>cells are trimmed; every row must have as many cells as the header, else an error naming the file and
 * the line. Missing values are decided by {@link #isMissing}.</li>
 * </ul>
 *
 * @param source the file, for messages
 * @param header the header cells in file order
 * @param rows   the data rows in file order
 */
public record TextTable(String source, List<String> header, List<Row> rows) {
    /** Cells read as "no value": empty, R's {@code NA}, and the spellings of spreadsheets and cBioPortal. */
    private static final Set<String> MISSING = Set.of("", "na", "n/a", "nan", "[not available]", "[not applicable]",
            "[unknown]", "[not evaluated]", "[discrepancy]");

    /** One data row and the line of the file it starts on (1-based). */
    public record Row(long line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String get(int column) {
            return cells.get(column);
        }
    }

    public TextTable {
        Objects.requireNonNull(source, "source");
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** The delimiter and header of a file, with the number of lines before the header (comments). */
    public record Layout(char delimiter, List<String> header, int linesBeforeHeader) {
        public Layout {
            header = List.copyOf(header);
        }
    }

    /** Reads a whole table, the delimiter found as the class comment says. */
    public static TextTable read(Path file) throws IOException {
        return read(file, layout(file).delimiter());
    }

    /** Reads a whole table with a given delimiter. */
    public static TextTable read(Path file, char delimiter) throws IOException {
        String source = file.toString();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (Reader in = reader(file); CSVParser parser = format(delimiter).parse(in)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                // the parser has counted the line the record ends on; it starts as many lines earlier as it holds line breaks
                long line = parser.getCurrentLineNumber() - cells.stream().mapToLong(c -> c.chars().filter(ch -> ch == '\n').count()).sum();
                if (header == null) {
                    header = cells;
                } else if (cells.size() != header.size()) {
                    throw new TableException(source + ": line " + line + " has " + cells.size() + " fields, the header has "
                            + header.size() + (cells.size() > header.size() ? " (an unquoted delimiter?)" : ""));
                } else {
                    rows.add(new Row(line, cells));
                }
            }
        } catch (UncheckedIOException e) {
            throw new TableException(source + ": " + message(e), e);
        }
        if (header == null) {
            throw new TableException(source + ": no header line (the file is empty or only has '#' comments)");
        }
        return new TextTable(source, header, rows);
    }

    /**
     * Finds the delimiter and reads only the header, for readers that leave the rows to DuckDB
     * ({@code read_csv} with the same quote, comment and header conventions).
     */
    public static Layout layout(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        int before = 0;
        String line;
        try (BufferedReader in = new BufferedReader(reader(file))) {
            line = in.readLine();
            while (line != null && (line.startsWith("#") || line.isBlank())) {
                before++;
                line = in.readLine();
            }
        }
        if (line == null) {
            throw new TableException(file + ": no header line (the file is empty or only has '#' comments)");
        }
        char delimiter = delimiter(file, line);
        List<String> header;
        try (Reader in = reader(file); CSVParser parser = format(delimiter).parse(in)) {
            var it = parser.iterator();
            header = it.next().toList();
        } catch (UncheckedIOException e) {
            throw new TableException(file + ": " + message(e), e);
        }
        return new Layout(delimiter, header, before);
    }

    /** True for a cell that holds no value (see {@link #MISSING}; case-insensitive, after trimming). */
    public static boolean isMissing(String cell) {
        return cell == null || MISSING.contains(cell.strip().toLowerCase(Locale.ROOT));
    }

    /** The index of a header column, or an error listing the columns. */
    public int column(String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(source + ": no column '" + name + "' (columns: " + String.join(", ", header) + ")");
        }
        return i;
    }

    private static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder().setDelimiter(delimiter).setQuote('"').setCommentMarker('#')
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
    }

    private static Reader reader(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    private static char delimiter(Path file, String headerLine) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT).replaceFirst("\\.gz$", "");
        if (name.endsWith(".csv")) {
            return ',';
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab") || name.endsWith(".txt")) {
            return '\t';
        }
        char best = ',';
        long most = -1;
        for (char c : new char[] {'\t', ',', ';'}) {
            long count = headerLine.chars().filter(ch -> ch == c).count();
            if (count > most) {
                most = count;
                best = c;
            }
        }
        return best;
    }

    private static String message(UncheckedIOException e) {
        String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return m.contains("EOF reached before encapsulated token finished") ? "a quoted field is not closed (" + m + ")" : m;
    }
}
