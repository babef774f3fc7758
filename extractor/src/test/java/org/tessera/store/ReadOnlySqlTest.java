package org.tessera.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlySqlTest {
    @TempDir
    Path tmp;

    /** A store with one row in {@code cohorts}, opened read-only as {@code tessera sql} does. */
    private FeatureStore readOnlyStore() throws Exception {
        try (FeatureStore s = FeatureStore.open(tmp.resolve("store"))) {
            s.execute("INSERT INTO cohorts (cohort) VALUES ('C')");
        }
        FeatureStore ro = FeatureStore.openReadOnly(tmp.resolve("store"));
        ReadOnlySql.prepare(ro.connection());
        return ro;
    }

    private String refusal(FeatureStore s, String sql) {
        var e = assertThrows(ReadOnlySql.RefusedException.class, () -> ReadOnlySql.check(s.connection(), sql), sql);
        return e.getMessage();
    }

    @Test
    void copyToAFileIsRefusedAndWritesNothing() throws Exception {
        Path target = tmp.resolve("x.csv");
        try (FeatureStore s = readOnlyStore()) {
            String message = refusal(s, "COPY (SELECT 1) TO '" + target + "'");
            assertTrue(message.contains("COPY") && message.contains("--out") && message.contains("--write"), message);
        }
        assertFalse(Files.exists(target));
    }

    @Test
    void everyKindThatDoesNotOnlyReadIsRefused() throws Exception {
        List<String> refused = List.of(
                "COPY (SELECT 1) TO '/tmp/x.csv'",
                "COPY cohorts TO 'embeddings/x.parquet' (FORMAT parquet)",
                "COPY cohorts FROM '/etc/hostname'",
                "EXPORT DATABASE '/tmp/tessera-export'",
                "ATTACH '/tmp/other.duckdb' AS other",
                "DETACH other",
                "INSTALL httpfs",
                "LOAD httpfs",
                "SET threads = 1",
                "RESET threads",
                "USE memory",
                "CALL checkpoint()",
                "CHECKPOINT",
                "CREATE TABLE t (a INTEGER)",
                "CREATE VIEW v AS SELECT 1",
                "CREATE MACRO m(a) AS a",
                "INSERT INTO cohorts (cohort) VALUES ('D')",
                "UPDATE cohorts SET cohort = 'D'",
                "DELETE FROM cohorts",
                "DROP TABLE cohorts",
                "ALTER TABLE cohorts RENAME TO c2",
                "VACUUM",
                "BEGIN TRANSACTION",
                "PREPARE p AS SELECT 1",
                "PRAGMA enable_profiling",
                "PRAGMA profiling_output = '/tmp/profile.json'",
                "EXPLAIN ANALYZE COPY (SELECT 1) TO '/tmp/x.csv'",
                "EXPLAIN COPY (SELECT 1) TO '/tmp/x.csv'",
                "SELECT 1; COPY (SELECT 1) TO '/tmp/x.csv'",
                "COPY (SELECT 1) TO '/tmp/x.csv'; SELECT 1",
                "  copy (select 1) to '/tmp/x.csv'",
                "/* comment */ COPY (SELECT 1) TO '/tmp/x.csv'");
        try (FeatureStore s = readOnlyStore()) {
            for (String sql : refused) {
                String message = refusal(s, sql);
                assertTrue(message.contains("read-only") || message.contains("one statement"), sql + ": " + message);
            }
            assertTrue(refusal(s, "ATTACH ':memory:' AS m").contains("ATTACH"));
            assertTrue(refusal(s, "SET threads = 1").contains("SET"));
            assertTrue(refusal(s, "SELECT 1; SELECT 2").contains("one statement at a time (found 2)"));
            assertTrue(refusal(s, "  ").contains("no SQL statement"));
        }
    }

    @Test
    void readingStatementsRunAndGiveTheirRows() throws Exception {
        Path text = tmp.resolve("note.csv");
        Files.writeString(text, "a,b\n1,2\n");
        List<String> allowed = List.of(
                "SELECT cohort FROM cohorts",
                "select cohort from cohorts;",
                "-- the cohorts\nSELECT cohort FROM cohorts -- trailing comment",
                "WITH c AS (SELECT cohort FROM cohorts) SELECT * FROM c",
                "FROM cohorts SELECT cohort",
                "VALUES ('C')",
                "(SELECT cohort FROM cohorts) UNION (SELECT 'C')",
                "DESCRIBE cohorts",
                "SHOW TABLES",
                "SUMMARIZE cohorts",
                "EXPLAIN SELECT cohort FROM cohorts",
                "EXPLAIN ANALYZE SELECT cohort FROM cohorts",
                "PRAGMA table_info('cohorts')",
                "PRAGMA version",
                "PRAGMA database_size",
                "SELECT * FROM read_csv('" + text + "')",
                "SELECT content FROM read_text('" + text + "')");
        try (FeatureStore s = readOnlyStore()) {
            for (String sql : allowed) {
                String run = ReadOnlySql.check(s.connection(), sql);
                try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery(run)) {
                    assertTrue(r.next(), sql + " gave no row");
                }
            }
            assertEquals("SELECT * FROM pragma_table_info('cohorts')", ReadOnlySql.check(s.connection(), "PRAGMA table_info('cohorts')"));
        }
    }

    @Test
    void unparsableTextIsASyntaxErrorNotARefusal() throws Exception {
        try (FeatureStore s = readOnlyStore()) {
            SQLException e = assertThrows(SQLException.class, () -> ReadOnlySql.check(s.connection(), "SELECT 1 +"));
            assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
        }
    }
}
