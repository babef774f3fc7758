package org.tessera.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * A feature store: one directory holding a DuckDB catalogue ({@code catalogue.duckdb}) and immutable
 * Parquet embedding files under {@code embeddings/}. This class owns the database connection and the
 * directory layout; the catalogue (written in a format DuckDB 1.x reads, see {@link CatalogueFormat}) is
 * reached through small classes ({@link SlideCatalogue},
 * {@link TilingCatalogue}, {@link BackboneCatalogue}, {@link EmbeddingSets}, {@link RunLog}).
 *
 * <p>Opening for writing applies the schema migrations from {@code sql/migrations} and recovers from a
 * crash: files left in {@code .staging/} are deleted and embedding folders that reached {@code embeddings/}
 * without their catalogue row (a kill between the rename and the insert) are removed, so a re-run writes
 * them again and nothing is duplicated. All paths stored in the database are relative to the directory,
 * and DuckDB's {@code file_search_path} is set to it, so a store can be moved.
 *
 * <p>One process writes a store at a time (DuckDB's rule, made explicit by {@link StoreLock}: a second
 * writer is refused with a message naming the first); readers may open it read-only meanwhile only
 * when no writer holds it. The connection is not thread-safe: threads that need the database concurrently
 * take their own {@link #newConnection()}.
 */
public final class FeatureStore implements AutoCloseable {
    public static final String DATABASE = "catalogue.duckdb";
    static final String EMBEDDINGS = "embeddings";
    static final String STAGING = ".staging";
    static final String PREVIEWS = "previews";

    private final Path root;
    private final boolean readOnly;
    private final DuckDBConnection connection;
    private final StoreLock lock; // null when read-only

    private FeatureStore(Path root, boolean readOnly, DuckDBConnection connection, StoreLock lock) {
        this.root = root;
        this.readOnly = readOnly;
        this.connection = connection;
        this.lock = lock;
    }

    /** Opens (creating if needed) a store for writing, migrating its schema and recovering from a crash. */
    public static FeatureStore open(Path dir) throws StoreException {
        return open(dir, false);
    }

    /** Opens an existing store read-only: no migration, no recovery, no writes. */
    public static FeatureStore openReadOnly(Path dir) throws StoreException {
        return open(dir, true);
    }

    private static FeatureStore open(Path dir, boolean readOnly) throws StoreException {
        Path root = dir.toAbsolutePath().normalize();
        Path db = root.resolve(DATABASE);
        if (readOnly && !Files.isRegularFile(db)) {
            throw new StoreException(root + ": not a Tessera store (no " + DATABASE + "); create one with 'tessera init'");
        }
        try {
            if (!readOnly) {
                if (Files.exists(root) && !Files.isDirectory(root)) {
                    throw new StoreException(root + ": exists and is not a directory");
                }
                Files.createDirectories(root.resolve(EMBEDDINGS));
                Files.createDirectories(root.resolve(PREVIEWS));
            }
            Properties props = new Properties();
            if (readOnly) {
                props.setProperty("duckdb.read_only", "true");
            }
            StoreLock lock = readOnly ? null : StoreLock.acquire(root); // a second writer is refused here, by name
            CatalogueFormat.configure(props);
            DuckDBConnection conn;
            try {
                conn = connect(db, props, readOnly);
            } catch (SQLException | RuntimeException e) {
                if (lock != null) {
                    lock.close();
                }
                throw e;
            }
            FeatureStore store = new FeatureStore(root, readOnly, conn, lock);
            try {
                store.execute("SET file_search_path = '" + Sql.escape(root.toString()) + "'");
                if (!readOnly && !CatalogueFormat.isCompatible(conn)) {
                    EmbeddingSets.writeSchemaFile(store); // the views bind to it when copied
                    CatalogueFormat.rewrite(conn, db);
                    store.close();
                    CatalogueFormat.replace(db);
                    return open(dir, false);
                }
                if (!readOnly) {
                    CatalogueFormat.clean(db);
                    EmbeddingSets.writeSchemaFile(store); // before the views, which bind to its columns
                    Migrations.apply(conn);
                    new EmbeddingSets(store).recover();
                }
            } catch (SQLException | IOException | RuntimeException e) {
                store.close();
                throw e;
            }
            return store;
        } catch (SQLException e) {
            throw new StoreException(root + ": cannot open the store: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new StoreException(root + ": cannot prepare the store directory: " + e.getMessage(), e);
        }
    }

    /** How long a writer waits for readers to let go of the catalogue file. */
    private static final long READER_WAIT_MS = 10_000;

    /**
     * Opens DuckDB's connection to the catalogue. A writer holds the {@link StoreLock}, so the only other holder of
     * DuckDB's own file lock it can meet is a reader in another process (a read-only open, which holds it while it
     * reads); it waits up to {@value #READER_WAIT_MS} ms for that reader rather than fail at once.
     */
    private static DuckDBConnection connect(Path db, Properties props, boolean readOnly) throws SQLException {
        long deadline = System.nanoTime() + READER_WAIT_MS * 1_000_000;
        while (true) {
            try {
                return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + db, props);
            } catch (SQLException e) {
                String message = String.valueOf(e.getMessage());
                if (readOnly || !message.contains("Could not set lock on file") || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public Path root() {
        return root;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** The store's connection, for queries on the calling thread. */
    public DuckDBConnection connection() {
        return connection;
    }

    /** A further connection to the same database, for another thread (close it when done). */
    public DuckDBConnection newConnection() throws SQLException {
        DuckDBConnection c = connection.duplicate();
        try (Statement s = c.createStatement()) {
            s.execute("SET file_search_path = '" + Sql.escape(root.toString()) + "'");
        }
        return c;
    }

    /** A path inside the store, from its relative form as stored in the catalogue. */
    public Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** The relative form of a path inside the store, as stored in the catalogue (always with '/'). */
    public String relativize(Path inside) {
        return root.relativize(inside.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    Path embeddingsDir() {
        return root.resolve(EMBEDDINGS);
    }

    Path stagingDir() {
        return root.resolve(STAGING);
    }

    public Path previewsDir() {
        return root.resolve(PREVIEWS);
    }

    public SlideCatalogue slides() {
        return new SlideCatalogue(connection);
    }

    public TilingCatalogue tilings() {
        return new TilingCatalogue(connection);
    }

    /** The tilings catalogue on another thread's connection (see {@link #newConnection()}). */
    public TilingCatalogue tilings(Connection threadConnection) {
        return new TilingCatalogue(threadConnection);
    }

    /** Spot patch specs and patches on another thread's connection (see {@link #newConnection()}). */
    public SpotPatchCatalogue spotPatches(Connection threadConnection) {
        return new SpotPatchCatalogue(threadConnection);
    }

    public SpotPatchCatalogue spotPatches() {
        return new SpotPatchCatalogue(connection);
    }

    public BackboneCatalogue backbones() {
        return new BackboneCatalogue(connection);
    }

    public EmbeddingSets embeddings() {
        return new EmbeddingSets(this);
    }

    public RunLog runs() {
        return new RunLog(connection);
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Total bytes of the store directory (database and Parquet files). */
    public long sizeBytes() {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(root + ": cannot measure the store", e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(root + ": closing the store failed: " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** For transactions spanning several catalogue calls. */
    public interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one transaction on the store's connection: all of it is stored or none. */
    public void inTransaction(SqlWork work) throws SQLException {
        inTransaction(connection, work);
    }

    static void inTransaction(Connection connection, SqlWork work) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Exception failure = null;
        try {
            work.run(connection);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            failure = e;
            // A commit that failed (found with a full disk: "No space left on device") has already ended the
            // transaction, and the rollback's "no transaction is active" must not hide why.
            try {
                connection.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        } finally {
            try {
                connection.setAutoCommit(auto);
            } catch (SQLException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            }
        }
    }
}
