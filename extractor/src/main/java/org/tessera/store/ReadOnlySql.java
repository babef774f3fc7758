package org.tessera.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * The gate of read-only SQL ({@code tessera sql} without {@code --write}): only statements that read run.
 *
 * <p>The decision is DuckDB's own parser's, not a pattern on the text: {@code json_serialize_sql} serialises
 * a string only when every statement in it is a SELECT (DuckDB parses WITH, VALUES, FROM-first queries,
 * DESCRIBE, SHOW, SUMMARIZE, set operations and PIVOT into SELECTs) and fails with "Only SELECT statements
 * can be serialized" for any other statement type (COPY, EXPORT, ATTACH, DETACH, INSTALL, LOAD, SET, RESET,
 * USE, CALL, CHECKPOINT, CREATE, INSERT, UPDATE, DELETE, DROP, ALTER, VACUUM, transactions, PREPARE ...).
 * Two reading statements that are not SELECTs are let through after the same test on their inner part:
 * {@code EXPLAIN [ANALYZE] <select>} and {@code PRAGMA <name>[(args)]} for the read-only pragmas that
 * DuckDB also offers as table functions (run as {@code SELECT * FROM pragma_<name>(args)}). A string must
 * hold exactly one statement (a JDBC prepare of several would run all but the last before any check).
 *
 * <p>Table functions that read files ({@code read_csv}, {@code read_parquet}, {@code read_text}) are reading
 * and allowed; DuckDB has no table function that writes. Extension auto-install, the one download a
 * reading query could trigger, is switched off on the connection by {@link #prepare(Connection)}.
 */
public final class ReadOnlySql {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Pragmas that only report, each also a table function {@code pragma_<name>}. */
    private static final Set<String> READ_PRAGMAS = Set.of("table_info", "storage_info", "database_size",
            "version", "platform", "metadata_info", "show", "user_agent", "collations");
    static final String ADVICE = "to save a result use --out FILE (with --format csv|tsv|json|parquet); "
            + "to change the store use --write";

    private ReadOnlySql() {
    }

    /** Raised for a statement that does not only read; the message names its kind and what to use instead. */
    public static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message);
        }
    }

    /** Switches off what a reading query could otherwise do to the machine (extension auto-install). */
    public static void prepare(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET autoinstall_known_extensions = false");
        }
    }

    /**
     * Checks {@code sql} and returns the statement to run: the same text, or the table-function form of a
     * read-only PRAGMA. Throws {@link RefusedException} for anything that does not only read and
     * {@link SQLException} for text DuckDB cannot parse.
     */
    public static String check(Connection connection, String sql) throws SQLException, RefusedException {
        Parse p = parse(connection, sql);
        if (p.selects() >= 0) {
            return requireOne(p.selects(), sql);
        }
        String[] head = leadingWord(sql);
        String kind = head[0].toUpperCase(Locale.ROOT);
        if (kind.equals("EXPLAIN")) {
            String inner = head[1];
            String[] next = leadingWord(inner);
            if (next[0].equalsIgnoreCase("ANALYZE")) {
                inner = next[1];
            }
            Parse q = parse(connection, inner);
            if (q.selects() == 1) {
                return sql;
            }
            if (q.selects() > 1) {
                requireOne(q.selects(), sql);
            }
            throw refused("EXPLAIN " + leadingWord(inner)[0].toUpperCase(Locale.ROOT), sql);
        }
        if (kind.equals("PRAGMA")) {
            String rest = head[1].strip();
            int paren = rest.indexOf('(');
            String name = (paren < 0 ? rest : rest.substring(0, paren)).strip().toLowerCase(Locale.ROOT);
            if (READ_PRAGMAS.contains(name)) {
                String select = "SELECT * FROM pragma_" + name + (paren < 0 ? "()" : rest.substring(paren));
                Parse q = parse(connection, select);
                if (q.selects() == 1) {
                    return select;
                }
            }
            throw refused("PRAGMA " + (name.isEmpty() ? "" : name), sql);
        }
        throw refused(kind.isEmpty() ? "this statement" : kind, sql);
    }

    private static String requireOne(int statements, String sql) throws RefusedException {
        if (statements == 0) {
            throw new RefusedException("no SQL statement given");
        }
        if (statements > 1) {
            throw new RefusedException("give one statement at a time (found " + statements + "): " + abbreviate(sql));
        }
        return sql;
    }

    private static RefusedException refused(String kind, String sql) {
        return new RefusedException("tessera sql is read-only: " + kind + " does not only read (" + abbreviate(sql)
                + "); " + ADVICE);
    }

    /** How DuckDB parsed {@code sql}: the number of statements when all are SELECTs, -1 otherwise. */
    private record Parse(int selects) {
    }

    private static Parse parse(Connection connection, String sql) throws SQLException {
        JsonNode json;
        try (PreparedStatement ps = connection.prepareStatement("SELECT json_serialize_sql(?::VARCHAR)")) {
            ps.setString(1, sql);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                json = JSON.readTree(r.getString(1));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("cannot read DuckDB's parse of the statement: " + e.getMessage(), e);
            }
        }
        if (!json.path("error").asBoolean(false)) {
            return new Parse(json.path("statements").size());
        }
        if (json.path("error_type").asText().equals("parser")) {
            throw new SQLException("syntax error: " + json.path("error_message").asText() + " (at character "
                    + json.path("position").asText("?") + ")");
        }
        return new Parse(-1);
    }

    /** The first word of {@code sql} (after blanks) and the rest: only to name the refused kind in messages. */
    private static String[] leadingWord(String sql) {
        String s = sql.stripLeading();
        int end = 0;
        while (end < s.length() && Character.isLetter(s.charAt(end))) {
            end++;
        }
        return new String[] {s.substring(0, end), s.substring(end)};
    }

    private static String abbreviate(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
