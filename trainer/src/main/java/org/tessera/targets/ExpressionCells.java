package org.tessera.targets;

import static org.tessera.targets.Tables.CELLS;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.tessera.targets.ExpressionOptions.DuplicatePolicy;
import org.tessera.targets.ExpressionOptions.MissingPolicy;

/**
 * Reads a matrix file into the long cells table and checks it: ids, duplicates, numbers, missing values.
 * The file is loaded as text (every cell VARCHAR) and turned long by DuckDB's UNPIVOT, so a bad cell is
 * found with its position rather than failing a type cast somewhere inside DuckDB, and a 20,000-column
 * file costs no Java loop per cell. A cell is missing when empty or reading NA, NaN, N/A or null (any
 * case); it is not a number when DuckDB's DOUBLE cast refuses it or gives an infinity.
 */
final class ExpressionCells {
    private static final String MISSING = "upper(trim(raw)) IN ('', 'NA', 'NAN', 'N/A', 'NULL')";

    private ExpressionCells() {
    }

    /** The outcome: the layout found and what was merged or dropped. */
    record Loaded(OrientationGuess orientation, List<Exclusion> exclusions) {
    }

    static Loaded load(Connection c, TableFile file, ExpressionOptions options, Predicate<String> knownSample)
            throws SQLException, ImportException {
        file.loadText(c, "tessera_import_wide");
        List<String> firstColumn = Tables.strings(c, "SELECT trim(c0) FROM tessera_import_wide ORDER BY rowid");
        List<String> header = file.header();
        checkIds(file, header, firstColumn);
        OrientationGuess orientation = options.orientation().isPresent() ? OrientationGuess.given(options.orientation().get())
                : OrientationGuess.detect(file.path(), header, firstColumn, knownSample);
        boolean samplesInRows = orientation.orientation() == Orientation.SAMPLES_BY_GENES;

        List<Exclusion> exclusions = new ArrayList<>();
        List<String> rowDuplicates = duplicates(firstColumn);
        List<String> columnDuplicates = duplicates(header.subList(1, header.size()));
        List<String> sampleDuplicates = samplesInRows ? rowDuplicates : columnDuplicates;
        List<String> geneDuplicates = samplesInRows ? columnDuplicates : rowDuplicates;
        boolean anyDuplicates = !sampleDuplicates.isEmpty() || !geneDuplicates.isEmpty();
        if (anyDuplicates && options.onDuplicate() == DuplicatePolicy.ERROR) {
            throw new ImportException(file.path() + ": " + duplicateText("sample", sampleDuplicates, samplesInRows ? firstColumn : header)
                    + duplicateText("gene", geneDuplicates, samplesInRows ? header : firstColumn)
                    + "fix the file or use --on-duplicate mean|first");
        }
        String action = options.onDuplicate() == DuplicatePolicy.MEAN ? "averaged" : "first kept";
        if (!sampleDuplicates.isEmpty()) {
            exclusions.add(Exclusion.of("duplicated sample ids", action, sampleDuplicates));
        }
        if (!geneDuplicates.isEmpty()) {
            exclusions.add(Exclusion.of("duplicated gene ids", action, geneDuplicates));
        }

        unpivot(c, header, samplesInRows);
        rejectNonNumbers(c, file);
        Tables.execute(c, "CREATE OR REPLACE TEMP TABLE " + CELLS + " AS SELECT sample, gene, "
                + (anyDuplicates ? merge(options.onDuplicate()) + " GROUP BY sample, gene" : "sample_pos, gene_pos, value FROM tessera_import_raw"));
        exclusions.addAll(missing(c, file, options.missing()));
        return new Loaded(orientation, exclusions);
    }

    private static void checkIds(TableFile file, List<String> header, List<String> firstColumn) throws ImportException {
        for (int i = 1; i < header.size(); i++) {
            if (header.get(i).isEmpty()) {
                throw new ImportException(file.path() + ": header cell " + (i + 1) + " is empty: every column needs an id");
            }
        }
        for (int i = 0; i < firstColumn.size(); i++) {
            if (firstColumn.get(i) == null || firstColumn.get(i).isEmpty()) {
                throw new ImportException(file.path() + ": " + file.where(i) + " has an empty id in the first column");
            }
        }
        if (firstColumn.isEmpty()) {
            throw new ImportException(file.path() + ": no data rows below the header");
        }
    }

    /** Ids seen more than once, in order of first appearance. */
    private static List<String> duplicates(List<String> ids) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        ids.forEach(i -> counts.merge(i, 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    private static String duplicateText(String what, List<String> dups, List<String> all) {
        if (dups.isEmpty()) {
            return "";
        }
        Map<String, Long> counts = all.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        return dups.size() + " duplicated " + what + " id" + (dups.size() == 1 ? "" : "s") + " ("
                + dups.stream().limit(10).map(d -> d + " x" + counts.get(d)).collect(Collectors.joining(", "))
                + (dups.size() > 10 ? ", ..." : "") + "); ";
    }

    /** Wide to long inside DuckDB; positions are 0-based data rows and 1-based header cells (column c{pos}). */
    private static void unpivot(Connection c, List<String> header, boolean samplesInRows) throws SQLException {
        int n = header.size();
        Tables.execute(c, "CREATE OR REPLACE TEMP TABLE tessera_import_header AS SELECT 'c' || pos AS name, label, pos FROM "
                + "(SELECT unnest(" + SqlText.list(header.subList(1, n)) + ") AS label, unnest(range(1, " + n + ")) AS pos)");
        String rows = samplesInRows ? "sample" : "gene";
        String cols = samplesInRows ? "gene" : "sample";
        Tables.execute(c, "CREATE OR REPLACE TEMP TABLE tessera_import_raw AS SELECT u.__key AS " + rows + ", u.__row AS " + rows + "_pos, "
                + "h.label AS " + cols + ", h.pos AS " + cols + "_pos, u.__row AS row_pos, h.pos AS col_pos, u.__raw AS raw FROM ("
                + "UNPIVOT (SELECT rowid AS __row, trim(c0) AS __key, * EXCLUDE (c0) FROM tessera_import_wide) "
                + "ON COLUMNS(* EXCLUDE (__row, __key)) INTO NAME __col VALUE __raw) AS u JOIN tessera_import_header AS h ON h.name = u.__col");
        Tables.execute(c, "DROP TABLE tessera_import_wide");
        Tables.execute(c, "CREATE OR REPLACE TEMP TABLE tessera_import_raw AS SELECT *, CASE WHEN " + MISSING
                + " THEN NULL ELSE TRY_CAST(trim(raw) AS DOUBLE) END AS value, " + MISSING + " AS missing FROM tessera_import_raw");
    }

    private static void rejectNonNumbers(Connection c, TableFile file) throws SQLException, ImportException {
        Optional<String> first = firstCell(c, file, "NOT missing AND (value IS NULL OR NOT isfinite(value))");
        if (first.isPresent()) {
            throw new ImportException(file.path() + ": " + first.get() + " is not a number");
        }
    }

    /** The first cell (in file order) matching a condition, described with its place, ids, text and how many match. */
    private static Optional<String> firstCell(Connection c, TableFile file, String condition) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT row_pos, col_pos, sample, gene, raw, count(*) OVER () "
                + "FROM tessera_import_raw WHERE " + condition + " ORDER BY row_pos, col_pos LIMIT 1")) {
            if (!r.next()) {
                return Optional.empty();
            }
            long n = r.getLong(6);
            return Optional.of((n == 1 ? "" : n + " cells; the first, ") + file.where(r.getLong(1)) + " column " + (r.getInt(2) + 1)
                    + " (sample " + r.getString(3) + ", gene " + r.getString(4) + "): '" + r.getString(5) + "'");
        }
    }

    private static String merge(DuplicatePolicy policy) {
        String value = policy == DuplicatePolicy.MEAN ? "avg(value)" : "first(value ORDER BY sample_pos, gene_pos)";
        return "min(sample_pos) AS sample_pos, min(gene_pos) AS gene_pos, " + value + " AS value FROM tessera_import_raw";
    }

    private static List<Exclusion> missing(Connection c, TableFile file, MissingPolicy policy) throws SQLException, ImportException {
        long cells = Tables.count(c, "SELECT count(*) FROM " + CELLS + " WHERE value IS NULL");
        if (cells == 0) {
            Tables.execute(c, "DROP TABLE tessera_import_raw");
            return List.of();
        }
        if (policy == MissingPolicy.ERROR) {
            String first = firstCell(c, file, "missing").orElse(cells + " cells (after merging duplicates)");
            throw new ImportException(file.path() + ": missing values (empty, NA or NaN): " + first
                    + "; fix the file or use --missing drop-gene|drop-sample");
        }
        Tables.execute(c, "DROP TABLE tessera_import_raw");
        String key = policy == MissingPolicy.DROP_GENE ? "gene" : "sample";
        List<String> dropped = Tables.strings(c, "SELECT " + key + " FROM " + CELLS + " WHERE value IS NULL GROUP BY " + key
                + " ORDER BY min(" + key + "_pos)");
        Tables.replaceCells(c, "SELECT * FROM " + CELLS + " WHERE " + key + " NOT IN (SELECT " + key + " FROM " + CELLS
                + " WHERE value IS NULL)");
        if (Tables.count(c, "SELECT count(*) FROM " + CELLS) == 0) {
            throw new ImportException(file.path() + ": every " + key + " has a missing value; nothing is left to import");
        }
        return List.of(new Exclusion(key + "s with missing values (" + cells + " missing cells)", "dropped", dropped.size(), dropped));
    }
}
