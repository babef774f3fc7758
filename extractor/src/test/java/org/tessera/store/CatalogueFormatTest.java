package org.tessera.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueFormatTest {
    @TempDir
    Path tmp;

    private static long count(FeatureStore s, String sql) throws SQLException {
        try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aNewCatalogueIsWrittenInTheFormatDuckDbOneReads() throws Exception {
        Path dir = tmp.resolve("store");
        long migrations;
        try (FeatureStore s = FeatureStore.open(dir)) {
            assertEquals("v1.0.0+", CatalogueFormat.storageVersion(s.connection()));
            migrations = count(s, "SELECT count(*) FROM schema_migrations");
        }
        DuckDbOneClient.Read read = DuckDbOneClient.read(dir, "SELECT count(*)::INTEGER FROM schema_migrations");
        assertEquals(migrations, read.results().get(0).get(0).get(0).asLong());
    }

    /** Rewrites a store's catalogue at DuckDB 2.0's own format, as stores made before CatalogueFormat were. */
    private static void writeAtVersionTwo(Path dir) throws Exception {
        Path db = dir.resolve(FeatureStore.DATABASE);
        Path copy = dir.resolve("v2.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db); Statement s = c.createStatement()) {
            s.execute("SET file_search_path = " + Sql.literal(dir.toString()));
            s.execute("ATTACH " + Sql.literal(copy.toString()) + " AS v2 (STORAGE_VERSION 'v2.0.0')");
            s.execute("COPY FROM DATABASE catalogue TO v2");
            s.execute("DETACH v2");
        }
        Files.move(copy, db, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aCatalogueWrittenByDuckDbTwoIsRewrittenOnceWhenOpenedForWriting() throws Exception {
        Path dir = tmp.resolve("store");
        long runId;
        try (FeatureStore s = FeatureStore.open(dir)) {
            s.execute("INSERT INTO cohorts (cohort, description) VALUES ('C', 'kept')");
            runId = count(s, "SELECT nextval('extraction_run_ids')");
        }
        writeAtVersionTwo(dir);
        try (FeatureStore ro = FeatureStore.openReadOnly(dir)) {
            assertEquals("v2.0.0+", CatalogueFormat.storageVersion(ro.connection()), "read-only opens never rewrite");
        }
        try (FeatureStore s = FeatureStore.open(dir)) {
            assertEquals("v1.0.0+", CatalogueFormat.storageVersion(s.connection()));
            assertEquals(1, count(s, "SELECT count(*) FROM cohorts WHERE description = 'kept'"));
            assertEquals(runId + 1, count(s, "SELECT nextval('extraction_run_ids')"), "sequences keep their place");
            assertEquals(0, count(s, "SELECT count(*) FROM embeddings"), "the views still bind");
        }
        assertFalse(Files.exists(dir.resolve(FeatureStore.DATABASE + ".converting")));
        DuckDbOneClient.Read read = DuckDbOneClient.read(dir, "SELECT description FROM cohorts");
        assertEquals("kept", read.results().get(0).get(0).get(0).asText());
        assertTrue(read.version().startsWith("v1."), read.version());
    }
}
