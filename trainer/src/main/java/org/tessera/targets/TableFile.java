package org.tessera.targets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.tessera.text.TableException;
import org.tessera.text.TextTable;

/**
 * A table file as found by looking at it: Parquet (by its {@code PAR1} magic), or delimited text whose
 * delimiter, header and leading comment lines (cBioPortal's metadata rows) are found by {@link TextTable},
 * the reader of every user table. The cells of text files are then read by DuckDB's {@code read_csv} with
 * the same conventions (double quotes, {@code ""} inside quotes, header after the skipped lines), as a
 * matrix 20,000 columns wide is DuckDB's work. The header is read here rather than taken from DuckDB
 * because DuckDB renames repeated column names, which would hide duplicated ids.
 *
 * @param path      the file, absolute
 * @param format    what it holds
 * @param skipLines comment lines before the header (text only)
 * @param header    the header cells in file order, as written (trimmed)
 */
record TableFile(Path path, Format format, int skipLines, List<String> header) {
    enum Format {
        CSV(','), TSV('\t'), SEMICOLON(';'), PARQUET('\0');

        final char delimiter;

        Format(char delimiter) {
            this.delimiter = delimiter;
        }
    }

    TableFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        header = List.copyOf(header);
        if (skipLines < 0) {
            throw new IllegalArgumentException(path + ": negative skipLines " + skipLines);
        }
    }

    /** Looks at a file; Parquet headers come from DuckDB on {@code connection}. */
    static TableFile open(Path file, Connection connection) throws IOException {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (isParquet(path)) {
            return new TableFile(path, Format.PARQUET, 0, checkHeader(path, parquetHeader(path, connection)));
        }
        TextTable.Layout layout;
        try {
            layout = TextTable.layout(path);
        } catch (TableException e) {
            throw new ImportException(e.getMessage(), e);
        }
        Format format = switch (layout.delimiter()) {
            case '\t' -> Format.TSV;
            case ';' -> Format.SEMICOLON;
            default -> Format.CSV;
        };
        if (layout.header().size() < 2) {
            throw new ImportException(path + ": the header has " + layout.header().size() + " column; a table needs an id column and values");
        }
        return new TableFile(path, format, layout.linesBeforeHeader(), checkHeader(path, layout.header()));
    }

    /** Column names end up as SQL identifiers, which cannot hold a NUL character (DuckDB's parser stops there). */
    private static List<String> checkHeader(Path path, List<String> header) throws ImportException {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).indexOf('\0') >= 0) {
                throw new ImportException(path + ": header cell " + (i + 1) + " holds a NUL character (a binary or damaged file?)");
            }
        }
        return header;
    }

    /** The DuckDB table function reading the file, with DuckDB's type detection for text. */
    String reader(String extraOptions) {
        if (format == Format.PARQUET) {
            return "read_parquet(" + SqlText.literal(path.toString()) + ")";
        }
        return "read_csv(" + SqlText.literal(path.toString()) + ", delim=" + SqlText.literal(String.valueOf(format.delimiter))
                + ", header=true, skip=" + skipLines + ", quote='\"', escape='\"'" + extraOptions + ")";
    }

    /**
     * Copies every cell into a temporary table as text, columns named c0, c1, ... by position, empty cells
     * as '' (never NULL, so UNPIVOT keeps them). Text files are read without DuckDB's sniffing, which costs
     * most of the time on a file 20,000 columns wide, with the header's column count: a row with more or
     * fewer cells is an error naming its line.
     */
    void loadText(Connection connection, String table) throws ImportException {
        int n = header.size();
        String names = java.util.stream.IntStream.range(0, n).mapToObj(i -> "c" + i).collect(java.util.stream.Collectors.joining(", "));
        String sql;
        if (format == Format.PARQUET) {
            sql = "SELECT coalesce(CAST(COLUMNS(*) AS VARCHAR), '') FROM " + reader("") + " AS t(" + names + ")";
        } else {
            String columns = java.util.stream.IntStream.range(0, n).mapToObj(i -> "'c" + i + "': 'VARCHAR'")
                    .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
            sql = "SELECT * FROM " + reader(", auto_detect=false, nullstr='\\N(no null)', columns=" + columns);
        }
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE " + table + " AS " + sql);
        } catch (SQLException e) {
            throw new ImportException(path + ": cannot read the table: " + e.getMessage(), e);
        }
    }

    /** Where a data row sits, for error messages: a line number in text files (no quoted line breaks), a row in Parquet. */
    String where(long dataRow) {
        return format == Format.PARQUET ? "row " + (dataRow + 1) : "line " + (skipLines + 2 + dataRow);
    }

    /** Copies the file into a temporary table and checks that DuckDB saw the header's columns. */
    void load(Connection connection, String table, String extraOptions) throws ImportException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE OR REPLACE TEMP TABLE " + table + " AS SELECT * FROM " + reader(extraOptions));
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM (DESCRIBE " + table + ")")) {
                r.next();
                if (r.getInt(1) != header.size()) {
                    throw new ImportException(path + ": the header has " + header.size() + " cells but DuckDB read "
                            + r.getInt(1) + " columns (a quoting or delimiter problem?)");
                }
            }
        } catch (SQLException e) {
            throw new ImportException(path + ": cannot read the table: " + e.getMessage(), e);
        }
    }

    /** DuckDB's column names of a loaded table, in order (they differ from the header where it repeats a name). */
    static List<String> columns(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT column_name FROM (DESCRIBE " + table + ")")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    String sha256() throws IOException {
        return sha256(path);
    }

    static String sha256(Path path) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JVM", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean isParquet(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return new String(magic, StandardCharsets.US_ASCII).equals("PAR1");
        }
    }

    private static List<String> parquetHeader(Path path, Connection connection) throws ImportException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(" + SqlText.literal(path.toString()) + "))")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new ImportException(path + ": cannot read the Parquet file: " + e.getMessage(), e);
        }
        if (names.size() < 2) {
            throw new ImportException(path + ": the Parquet file has " + names.size() + " column; a table needs an id column and values");
        }
        return names;
    }
}
