package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import org.tessera.files.AtomicFiles;

/**
 * Writes one slide's embeddings: rows are buffered up to {@code partRows}, each full buffer travels as an
 * Arrow record batch into DuckDB, which writes it as a Parquet part in the staging folder. The vectors' buffer grows
 * in chunks of {@value #CHUNK_ROWS} rows as rows come, up to {@code partRows}: most slides have a few hundred tiles, a
 * buffer of the full 8,192 rows of 1,280 floats (42 MB) allocated for each of them would only feed the garbage
 * collector, and chunks of at most 1.3 MB stay below G1's humongous-object size, whose allocations start concurrent
 * collections. {@link #commit}
 * moves the folder into place with one atomic rename and then records the set with its mean vector.
 * Not thread-safe: one writer per thread. Close without commit discards everything staged.
 */
public final class SetWriter implements AutoCloseable {
    private final FeatureStore store;
    private final DuckDBConnection connection;
    private final BufferAllocator allocator;
    /** Rows per chunk of the buffer. */
    private static final int CHUNK_ROWS = 256;
    private final FeatureKey key;
    private final int dimension;
    private final int partRows;
    private final Path staging;
    private final int[] tileIndex;
    /** The buffered rows' vectors: row {@code r} at {@code chunks.get(r / CHUNK_ROWS)}, offset {@code (r % CHUNK_ROWS) * dimension}. */
    private final List<float[]> chunks = new java.util.ArrayList<>();
    private final double[] sum;
    private int buffered;
    private int parts;
    private int rows;
    private boolean done;

    SetWriter(FeatureStore store, DuckDBConnection connection, BufferAllocator allocator, FeatureKey key, int dimension,
            int partRows, Path staging) {
        if (dimension <= 0 || partRows <= 0) {
            throw new IllegalArgumentException("dimension and part size must be positive");
        }
        this.store = store;
        this.connection = connection;
        this.allocator = allocator;
        this.key = key;
        this.dimension = dimension;
        this.partRows = partRows;
        this.staging = staging;
        this.tileIndex = new int[partRows];
        this.sum = new double[dimension];
    }

    public FeatureKey key() {
        return key;
    }

    public int rows() {
        return rows + buffered;
    }

    /** Adds one tile's embedding, read from {@code source[offset .. offset + dimension)}. */
    public void add(int tile, float[] source, int offset) throws IOException {
        if (done) {
            throw new IllegalStateException("set " + key + " was already committed or closed");
        }
        if (buffered / CHUNK_ROWS == chunks.size()) {
            chunks.add(new float[Math.multiplyExact(Math.min(CHUNK_ROWS, partRows), dimension)]);
        }
        tileIndex[buffered] = tile;
        System.arraycopy(source, offset, chunks.get(buffered / CHUNK_ROWS), buffered % CHUNK_ROWS * dimension, dimension);
        for (int j = 0; j < dimension; j++) {
            sum[j] += source[offset + j];
        }
        if (++buffered == partRows) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (buffered == 0) {
            return;
        }
        Path part = staging.resolve(String.format("part-%05d.parquet", parts));
        try {
            writeParquet(part);
        } catch (SQLException e) {
            throw new IOException(part + ": writing embeddings failed: " + e.getMessage(), e);
        }
        parts++;
        rows += buffered;
        buffered = 0;
    }

    /** Parts are sorted by tile index so readers get tiles in grid order within a part: the buffered rows' order. */
    private int[] sortedRows() {
        return java.util.stream.IntStream.range(0, buffered).boxed()
                .sorted((a, b) -> Integer.compare(tileIndex[a], tileIndex[b])).mapToInt(Integer::intValue).toArray();
    }

    private void writeParquet(Path part) throws SQLException {
        Field vectorItem = new Field("item", FieldType.notNullable(new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE)), null);
        Schema schema = new Schema(List.of(
                new Field("tile_index", FieldType.notNullable(new ArrowType.Int(32, true)), null),
                new Field("vector", FieldType.notNullable(new ArrowType.FixedSizeList(dimension)), List.of(vectorItem))));
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            IntVector idx = (IntVector) root.getVector(0);
            FixedSizeListVector list = (FixedSizeListVector) root.getVector(1);
            idx.allocateNew(buffered);
            list.setInitialCapacity(buffered);
            list.allocateNew();
            Float4Vector data = (Float4Vector) list.getDataVector();
            int[] order = sortedRows();
            for (int i = 0; i < buffered; i++) {
                int row = order[i];
                idx.set(i, tileIndex[row]);
                list.setNotNull(i);
                float[] chunk = chunks.get(row / CHUNK_ROWS);
                for (int j = 0, from = row % CHUNK_ROWS * dimension, to = i * dimension; j < dimension; j++) {
                    data.set(to + j, chunk[from + j]);
                }
            }
            data.setValueCount(buffered * dimension);
            root.setRowCount(buffered);
            String name = "tessera_batch_" + UUID.randomUUID().toString().replace("-", "");
            try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
                Data.exportArrayStream(allocator, new RootReader(allocator, root), stream);
                connection.registerArrowStream(name, stream);
                try (Statement s = connection.createStatement()) {
                    s.execute("COPY (SELECT " + Sql.literal(key.slideId()) + " AS slide_id, " + Sql.literal(key.tilingId())
                            + " AS tiling_id, " + Sql.literal(key.weightsSha256()) + " AS weights_sha256, "
                            + Sql.literal(key.stain()) + " AS stain, tile_index, vector::FLOAT[] AS vector FROM " + name
                            + ") TO " + Sql.literal(part.toString()) + " (FORMAT parquet, COMPRESSION zstd)");
                }
            }
        }
    }

    /** Finishes the set: flushes, moves the folder into place atomically, then records it. */
    public void commit(Integer runId, double seconds) throws IOException {
        if (done) {
            throw new IllegalStateException("set " + key + " was already committed or closed");
        }
        flush();
        done = true;
        Path target = store.resolve(key.relativeDir());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                // Left by a crash between rename and insert in this very process' lifetime: not recorded, so stale.
                Directories.deleteTree(target);
            }
            moveAtomically(staging, target);
            record(runId, seconds);
        } catch (SQLException e) {
            Directories.deleteTree(target);
            throw new IOException(target + ": recording the embedding set failed: " + e.getMessage(), e);
        }
    }

    private void record(Integer runId, double seconds) throws SQLException {
        Float[] mean = new Float[dimension];
        for (int j = 0; j < dimension; j++) {
            mean[j] = rows == 0 ? 0f : (float) (sum[j] / rows);
        }
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO embedding_sets (slide_id, tiling_id, "
                + "weights_sha256, stain, n_tiles, dimension, path, mean_vector, run_id, seconds) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            p.setString(1, key.slideId());
            p.setString(2, key.tilingId());
            p.setString(3, key.weightsSha256());
            p.setString(4, key.stain());
            p.setInt(5, rows);
            p.setInt(6, dimension);
            p.setString(7, key.relativeDir());
            p.setArray(8, connection.createArrayOf("FLOAT", mean));
            if (runId == null) {
                p.setNull(9, java.sql.Types.INTEGER);
            } else {
                p.setInt(9, runId);
            }
            p.setDouble(10, seconds);
            p.executeUpdate();
        }
    }

    static void moveAtomically(Path from, Path to) throws IOException {
        AtomicFiles.move(from, to, false);
    }

    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            Directories.deleteTree(staging);
        }
    }
}
