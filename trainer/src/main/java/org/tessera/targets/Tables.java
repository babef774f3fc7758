package org.tessera.targets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The importer's working tables: temporary DuckDB tables on the store's connection (invisible to other
 * connections, gone when it closes), replaced step by step so each step is one set-based statement.
 */
final class Tables {
    /** The cells being imported: sample, sample_pos, gene, gene_pos, value (plus patient_id once mapped). */
    static final String CELLS = "tessera_import_cells";
    static final String[] ALL = {"tessera_import_wide", "tessera_import_header", "tessera_import_raw", CELLS, "tessera_import_next",
        "tessera_import_keep"};

    private Tables() {
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Replaces the cells table with the result of {@code select} (which reads the current one). */
    static void replaceCells(Connection c, String select) throws SQLException {
        execute(c, "CREATE OR REPLACE TEMP TABLE tessera_import_next AS " + select);
        execute(c, "DROP TABLE " + CELLS);
        execute(c, "ALTER TABLE tessera_import_next RENAME TO " + CELLS);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /** The first column of a query, as strings (NULL stays null). */
    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    static void dropAll(Connection c) {
        for (String t : ALL) {
            try {
                execute(c, "DROP TABLE IF EXISTS " + t);
            } catch (SQLException e) {
                // the connection is closing or broken; temporary tables die with it
            }
        }
    }
}
