package org.tessera.store;

import java.io.IOException;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;

/** An {@link ArrowReader} over one in-memory record batch, so it can be exported as an Arrow C stream. */
final class RootReader extends ArrowReader {
    private final Schema schema;
    private ArrowRecordBatch batch;

    RootReader(BufferAllocator allocator, VectorSchemaRoot source) {
        super(allocator);
        this.schema = source.getSchema();
        this.batch = new VectorUnloader(source).getRecordBatch();
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        if (batch == null) {
            return false;
        }
        ensureInitialized();
        try (ArrowRecordBatch b = batch) {
            loadRecordBatch(b);
        }
        batch = null;
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        if (batch != null) {
            batch.close();
            batch = null;
        }
    }

    @Override
    protected Schema readSchema() {
        return schema;
    }
}
