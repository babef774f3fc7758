package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.tessera.files.AtomicFiles;

/**
 * The storage format of {@code catalogue.duckdb}, chosen so that DuckDB 1.x clients (Python, R, Node, the
 * CLI) open the store: DuckDB's storage version {@value #STORAGE_VERSION}, which every DuckDB from 0.10.0
 * to 1.5.x and 2.x reads (file format number 64). Tessera runs DuckDB 2.0, whose default for a new file is
 * its own format (v2.0.0+, number 69), refused by 1.x ("we can only read versions between 64 and 68").
 *
 * <p>The version is set with DuckDB's {@code storage_compatibility_version} option when the connection
 * is made, which fixes the format of a new file. A catalogue written at another version (stores made
 * before this class existed) is rewritten once, the first time it is opened for writing: {@code COPY FROM
 * DATABASE} into a sibling file attached with {@code STORAGE_VERSION} (tables, rows, views, sequences with
 * their current values, constraints), then renamed over the old file. A crash in between leaves the old
 * catalogue untouched and the half-written copy is deleted on the next open. Read-only opens never rewrite.
 * The Parquet embedding files are plain Parquet and readable by any version.
 */
final class CatalogueFormat {
    static final String STORAGE_VERSION = "v1.0.0";
    private static final String CONVERTING = ".converting";

    private CatalogueFormat() {
    }

    /** Sets the storage version on the options of a new connection. */
    static void configure(Properties props) {
        props.setProperty("storage_compatibility_version", STORAGE_VERSION);
    }

    /** The storage version the open catalogue was written with, e.g. {@code v1.0.0+} or {@code v2.0.0+}. */
    static String storageVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT tags['storage_version'] FROM duckdb_databases() "
                        + "WHERE database_name = current_database()")) {
            return r.next() ? r.getString(1) : "";
        }
    }

    static boolean isCompatible(Connection c) throws SQLException {
        return storageVersion(c).equals(STORAGE_VERSION + "+");
    }

    /** Deletes a copy left by a rewrite that a crash interrupted. */
    static void clean(Path db) throws IOException {
        Files.deleteIfExists(converting(db));
        Files.deleteIfExists(converting(db).resolveSibling(converting(db).getFileName() + ".wal"));
    }

    /**
     * Copies the database open on {@code c} (file {@code db}) into a sibling file at {@link #STORAGE_VERSION};
     * the caller closes {@code c} and then calls {@link #replace(Path)}.
     */
    static void rewrite(Connection c, Path db) throws SQLException, IOException {
        clean(db);
        Path copy = converting(db);
        try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT");
            String current;
            try (ResultSet r = s.executeQuery("SELECT current_database()")) {
                r.next();
                current = r.getString(1);
            }
            s.execute("ATTACH " + Sql.literal(copy.toString()) + " AS tessera_converting (STORAGE_VERSION '"
                    + STORAGE_VERSION + "')");
            try {
                s.execute("COPY FROM DATABASE \"" + current.replace("\"", "\"\"") + "\" TO tessera_converting");
            } finally {
                s.execute("DETACH tessera_converting");
            }
        }
    }

    /** Renames the rewritten copy over the catalogue (one atomic step). */
    static void replace(Path db) throws IOException {
        AtomicFiles.move(converting(db), db, true);
    }

    private static Path converting(Path db) {
        return db.resolveSibling(db.getFileName() + CONVERTING);
    }
}
