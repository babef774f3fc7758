package org.tessera.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
    /** Columns by table, read once at attach time: here in order, and there. */
    private final Map<String, List<String>> columnsHere = new HashMap<>();
    private final Map<String, Set<String>> columnsThere = new HashMap<>();

    private AttachedStore(Connection connection, Path root, String alias) throws SQLException {
        this.connection = connection;
        this.root = root;
        this.alias = alias;
        try (PreparedStatement p = connection.prepareStatement("SELECT database_name = ?, table_name, column_name FROM duckdb_columns() "
                + "WHERE (database_name = ? OR database_name = current_database()) AND schema_name = 'main' ORDER BY column_index")) {
            p.setString(1, alias);
            p.setString(2, alias);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (r.getBoolean(1)) {
                        columnsThere.computeIfAbsent(r.getString(2), t -> new HashSet<>()).add(r.getString(3));
                    } else {
                        columnsHere.computeIfAbsent(r.getString(2), t -> new ArrayList<>()).add(r.getString(3));
                    }
                }
            }
        }
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
        try {
            return new AttachedStore(connection, root, alias);
        } catch (SQLException e) {
            try (Statement s = connection.createStatement()) {
                s.execute("DETACH " + alias);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException(root + ": cannot read the store's tables: " + e.getMessage(), e);
        }
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
    List<String> columnsHere(String table) {
        return columnsHere.getOrDefault(table, List.of());
    }

    /**
     * Checks that the attached table has every column of the table here.
     *
     * @throws SQLException naming the table and the missing columns
     */
    List<String> sharedColumns(String table) throws SQLException {
        List<String> here = columnsHere(table);
        Set<String> there = columnsThere.getOrDefault(table, Set.of());
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

    /** Row counts of the attached store's tables, in one query. */
    Map<String, Long> rowCounts(List<String> tables) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        if (tables.isEmpty()) {
            return out;
        }
        String sql = String.join(" UNION ALL ", tables.stream().map(t -> "SELECT " + Sql.literal(t) + ", count(*) FROM " + alias + "." + q(t)).toList());
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.put(r.getString(1), r.getLong(2));
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
