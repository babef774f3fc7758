package org.tessera.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Another store's catalogue attached read-only to a store's connection (DuckDB {@code ATTACH ... (READ_ONLY)})
 * under an alias, for copying rows between the two in SQL: a fragment into the main store on merge, the main
 * store's slides into a new fragment. "Here" is the connection's own database. Table columns are named
 * explicitly (this store's columns, in its order), so the two may have been created in different orders.
 */
final class AttachedStore implements AutoCloseable {
    private final Connection connection;
    private final Path root;
    private final String alias;

    private AttachedStore(Connection connection, Path root, String alias) {
        this.connection = connection;
        this.root = root;
        this.alias = alias;
    }

    /**
     * Attaches the store at {@code dir} read-only.
     *
     * @throws StoreException when it is not a store or cannot be attached (for example while a process writes it)
     */
    static AttachedStore attach(Connection connection, Path dir, String alias) throws StoreException {
        Path root = dir.toAbsolutePath().normalize();
        Path db = root.resolve(FeatureStore.DATABASE);
        if (!Files.isRegularFile(db)) {
            throw new StoreException(root + ": not a Tessera store (no " + FeatureStore.DATABASE + ")");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("ATTACH " + Sql.literal(db.toString()) + " AS " + alias + " (READ_ONLY)");
        } catch (SQLException e) {
            throw new StoreException(root + ": cannot open the store read-only (is a process still writing it?): " + e.getMessage(), e);
        }
        return new AttachedStore(connection, root, alias);
    }

    Path root() {
        return root;
    }

    Connection connection() {
        return connection;
    }

    String alias() {
        return alias;
    }

    /** Base tables of the attached store. */
    Set<String> tables() throws SQLException {
        return new HashSet<>(strings("SELECT table_name FROM duckdb_tables() WHERE database_name = ? AND schema_name = 'main'", alias));
    }

    /** Base tables of this (the connection's own) store. */
    Set<String> tablesHere() throws SQLException {
        return new HashSet<>(strings("SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'"));
    }

    /** Columns of a table here, in order. */
    List<String> columnsHere(String table) throws SQLException {
        return strings("SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' "
                + "AND table_name = ? ORDER BY column_index", table);
    }

    /**
     * Checks that the attached table has every column of the table here.
     *
     * @throws SQLException naming the table and the missing columns
     */
    List<String> sharedColumns(String table) throws SQLException {
        List<String> here = columnsHere(table);
        Set<String> there = new HashSet<>(strings("SELECT column_name FROM duckdb_columns() WHERE database_name = ? "
                + "AND schema_name = 'main' AND table_name = ?", alias, table));
        List<String> missing = here.stream().filter(c -> !there.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new SQLException(root + ": table " + table + " lacks columns " + missing
                    + ": the store was made by an older Tessera; open it once for writing (e.g. 'tessera init --store " + root + "')");
        }
        return here;
    }

    /** Inserts the attached table's rows whose key is not here; returns how many. */
    long insertMissing(String table, List<String> keys) throws SQLException {
        return insertMissing(table, keys, "");
    }

    /** As {@link #insertMissing(String, List)}, only rows passing {@code filter} (SQL over alias {@code x}; empty: all). */
    long insertMissing(String table, List<String> keys, String filter) throws SQLException {
        String cols = quoted(sharedColumns(table), "x.");
        String sql = "INSERT INTO " + table + " (" + quoted(columnsHere(table), "") + ") SELECT " + cols + " FROM " + alias + "." + table
                + " AS x WHERE NOT EXISTS (SELECT 1 FROM " + table + " AS m WHERE " + on(keys) + ")"
                + (filter.isEmpty() ? "" : " AND (" + filter + ")");
        try (Statement s = connection.createStatement()) {
            return s.executeLargeUpdate(sql);
        }
    }

    /**
     * Keys present in both stores whose {@code compared} columns differ, each as "key=value, ...: column here
     * / there" for a message; at most {@code limit}.
     */
    List<String> conflicts(String table, List<String> keys, List<String> compared, int limit) throws SQLException {
        String differs = compared.stream().map(c -> "x." + q(c) + " IS DISTINCT FROM m." + q(c)).collect(Collectors.joining(" OR "));
        String show = compared.stream().map(c -> "CASE WHEN x." + q(c) + " IS DISTINCT FROM m." + q(c) + " THEN '" + c + " ' || "
                + "left(coalesce(m." + q(c) + "::VARCHAR, 'NULL'), 40) || ' / ' || left(coalesce(x." + q(c) + "::VARCHAR, 'NULL'), 40) || '; ' "
                + "ELSE '' END").collect(Collectors.joining(" || "));
        String keyText = keys.stream().map(k -> "'" + k + "=' || x." + q(k) + "::VARCHAR").collect(Collectors.joining(" || ', ' || "));
        String sql = "SELECT " + keyText + ", " + show + " FROM " + alias + "." + table + " AS x JOIN " + table + " AS m ON " + on(keys)
                + " WHERE " + differs + " ORDER BY ALL LIMIT " + limit;
        List<String> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1) + " (" + r.getString(2) + ")");
            }
        }
        return out;
    }

    /** Rows of the attached table (all columns here) that this store does not have. */
    long rowsNotHere(String table) throws SQLException {
        String cols = quoted(sharedColumns(table), "");
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM (SELECT " + cols + " FROM " + alias + "." + table + " EXCEPT SELECT "
                        + cols + " FROM " + table + ")")) {
            r.next();
            return r.getLong(1);
        }
    }

    List<String> strings(String sql, String... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setString(i + 1, args[i]);
            }
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    private static String on(List<String> keys) {
        return keys.stream().map(k -> "m." + q(k) + " = x." + q(k)).collect(Collectors.joining(" AND "));
    }

    private static String quoted(List<String> columns, String prefix) {
        return columns.stream().map(c -> prefix + q(c)).collect(Collectors.joining(", "));
    }

    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DETACH " + alias);
        }
    }
}
