package org.tessera.store;

import java.io.IOException;
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
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;

/**
 * The immutable embedding file sets: one folder of Parquet parts per {@link FeatureKey}, listed in
 * {@code embedding_sets}. A set is written into {@code .staging/}, moved into {@code embeddings/} by one
 * atomic rename, and only then recorded; {@link #recover()} removes what a crash left between those steps.
 */
public final class EmbeddingSets {
    static final String SCHEMA_FILE = "_schema.parquet";

    private final FeatureStore store;

    EmbeddingSets(FeatureStore store) {
        this.store = store;
    }

    public boolean exists(FeatureKey key) throws SQLException {
        return exists(store.connection(), key);
    }

    static boolean exists(Connection c, FeatureKey key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM embedding_sets WHERE slide_id = ? AND tiling_id = ? "
                + "AND weights_sha256 = ? AND stain = ?")) {
            p.setString(1, key.slideId());
            p.setString(2, key.tilingId());
            p.setString(3, key.weightsSha256());
            p.setString(4, key.stain());
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }

    /**
     * Starts writing one set through {@code connection} (the writing thread's own), staging parts of at
     * most {@code partRows} rows so memory stays bounded whatever the slide's size.
     */
    public SetWriter begin(DuckDBConnection connection, BufferAllocator allocator, FeatureKey key, int dimension,
            int partRows) throws IOException {
        Path staging = store.stagingDir().resolve(key.slideId() + "-" + UUID.randomUUID());
        Files.createDirectories(staging);
        return new SetWriter(store, connection, allocator, key, dimension, partRows, staging);
    }

    /** Number of tiles stored per key; for reports and tests. */
    public long countRows() throws SQLException {
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT coalesce(sum(n_tiles), 0) FROM embedding_sets")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Deletes staging leftovers and embedding folders that have no catalogue row (a crash after the rename). */
    void recover() throws IOException, SQLException {
        Path staging = store.stagingDir();
        if (Files.exists(staging)) {
            Directories.deleteTree(staging);
        }
        Set<String> recorded = new HashSet<>();
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT path FROM embedding_sets")) {
            while (r.next()) {
                recorded.add(r.getString(1));
            }
        }
        List<Path> orphans = new ArrayList<>();
        Path root = store.embeddingsDir();
        // Layout: embeddings/w=*/t=*/p=*/<slide>/part-*.parquet: set folders are at depth 4.
        try (Stream<Path> walk = Files.walk(root, 4)) {
            walk.filter(p -> root.relativize(p).getNameCount() == 4 && Files.isDirectory(p))
                    .filter(p -> !recorded.contains(store.relativize(p)))
                    .forEach(orphans::add);
        }
        for (Path orphan : orphans) {
            Directories.deleteTree(orphan);
        }
    }

    /** An empty Parquet file with the embedding columns, so the views bind before anything is extracted. */
    static void writeSchemaFile(FeatureStore store) throws SQLException, IOException {
        Path target = store.embeddingsDir().resolve(SCHEMA_FILE);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(store.stagingDir());
        Path tmp = store.stagingDir().resolve(SCHEMA_FILE + "-" + UUID.randomUUID());
        store.execute("COPY (SELECT ''::VARCHAR AS slide_id, ''::VARCHAR AS tiling_id, ''::VARCHAR AS weights_sha256, "
                + "''::VARCHAR AS stain, 0::INTEGER AS tile_index, []::FLOAT[] AS vector LIMIT 0) TO "
                + Sql.literal(tmp.toString()) + " (FORMAT parquet)");
        SetWriter.moveAtomically(tmp, target);
    }
}
