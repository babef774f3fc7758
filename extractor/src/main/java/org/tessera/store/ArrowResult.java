package org.tessera.store;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * A query's result streamed out of DuckDB as Arrow record batches (the trainer's read path: no row-by-row
 * JDBC). Holds the statement open until closed; batches are valid until the next {@code loadNextBatch()}.
 */
public final class ArrowResult implements AutoCloseable {
    private final Statement statement;
    private final DuckDBResultSet resultSet;
    private final ArrowReader reader;

    private ArrowResult(Statement statement, DuckDBResultSet resultSet, ArrowReader reader) {
        this.statement = statement;
        this.resultSet = resultSet;
        this.reader = reader;
    }

    public static ArrowResult query(DuckDBConnection connection, String sql, BufferAllocator allocator, int batchRows)
            throws SQLException {
        Statement s = connection.createStatement();
        try {
            DuckDBResultSet rs = (DuckDBResultSet) s.executeQuery(sql);
            ArrowReader reader = (ArrowReader) rs.arrowExportStream(allocator, batchRows);
            return new ArrowResult(s, rs, reader);
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    public ArrowReader reader() {
        return reader;
    }

    @Override
    public void close() throws IOException {
        try (statement; resultSet; reader) {
            // closes the reader, then the result set, then the statement
        } catch (SQLException e) {
            throw new IOException("closing an Arrow query failed: " + e.getMessage(), e);
        }
    }
}
