package org.tessera.featureset;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.tessera.store.ArrowResult;
import org.tessera.store.FeatureStore;

/**
 * Reads a feature set from a store into a {@link FeatureMatrix}. The query's result leaves DuckDB as Arrow
 * record batches ({@link ArrowResult}), never row by row through JDBC, and each batch is consumed before
 * the next is loaded: pooled sets keep one running pool per slide (O(slides x dimension) memory however
 * many tiles stream past), unpooled sets keep their rows.
 *
 * <p>Every vector of one query must have the same length; the first row sets it and a different length is
 * an error naming the slide. Arrow buffers come from the caller's allocator and are all released before
 * this returns, also on error.
 */
public final class FeatureMatrices {
    /** Rows per Arrow batch: large enough to amortise the hand-over, small enough to stay in cache-sized chunks. */
    public static final int DEFAULT_BATCH_ROWS = 4096;

    private FeatureMatrices() {
    }

    /** Reads {@code set} with {@code params} filling its placeholders, in batches of {@link #DEFAULT_BATCH_ROWS}. */
    public static FeatureMatrix read(FeatureStore store, FeatureSet set, Map<String, String> params,
            BufferAllocator allocator) throws FeatureSetException {
        return read(store, set, params, allocator, DEFAULT_BATCH_ROWS);
    }

    /** As {@link #read(FeatureStore, FeatureSet, Map, BufferAllocator)}, with the Arrow batch size given. */
    public static FeatureMatrix read(FeatureStore store, FeatureSet set, Map<String, String> params,
            BufferAllocator allocator, int batchRows) throws FeatureSetException {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(set, "set");
        Objects.requireNonNull(allocator, "allocator");
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batch rows must be positive, got " + batchRows);
        }
        String sql = set.render(params);
        try (ArrowResult result = ArrowResult.query(store.connection(), sql, allocator, batchRows)) {
            return consume(set, result);
        } catch (SQLException | IOException e) {
            throw new FeatureSetException("feature set '" + set.name() + "' failed on store " + store.root() + ": "
                    + e.getMessage(), e);
        }
    }

    private static FeatureMatrix consume(FeatureSet set, ArrowResult result) throws IOException, FeatureSetException {
        VectorSchemaRoot root = result.reader().getVectorSchemaRoot();
        BatchColumns columns = new BatchColumns(set.name(), root); // the schema is known before the first batch
        Consumer consumer = new Consumer(set, columns.hasTileIndex(), columns.hasPatientId());
        while (result.reader().loadNextBatch()) {
            // Columns are looked up again per batch: a reader may replace a list's child vector when loading.
            consumer.accept(new BatchColumns(set.name(), root), root.getRowCount());
        }
        return consumer.build();
    }

    /** Checks each row's vector length and hands it to the pooled or the unpooled sink. */
    private static final class Consumer {
        private final String setName;
        private final boolean tileLevel;
        private final boolean withPatients;
        private final SlidePools pools;
        private final UnpooledRows unpooled;
        private double[] buffer = new double[0];
        private int dimension = -1;
        private String firstSlide;

        Consumer(FeatureSet set, boolean tileLevel, boolean withPatients) {
            this.setName = set.name();
            this.tileLevel = tileLevel;
            this.withPatients = withPatients;
            this.pools = set.pooling() == Pooling.NONE ? null : new SlidePools(set.name(), set.pooling());
            this.unpooled = set.pooling() == Pooling.NONE ? new UnpooledRows(set.name(), tileLevel) : null;
        }

        void accept(BatchColumns batch, int rowCount) throws FeatureSetException {
            for (int i = 0; i < rowCount; i++) {
                String slide = batch.slideId(i);
                int length = batch.length(i, slide);
                if (dimension < 0) {
                    if (length == 0) {
                        throw new FeatureSetException("feature set '" + setName + "': slide " + slide + " has an empty vector");
                    }
                    dimension = length;
                    firstSlide = slide;
                    buffer = new double[length];
                } else if (length != dimension) {
                    throw new FeatureSetException("feature set '" + setName + "': slide " + slide + " has a vector of "
                            + length + " values but slide " + firstSlide + " has " + dimension
                            + "; select one backbone per feature set");
                }
                batch.copy(i, buffer, length, slide);
                String patient = batch.patientId(i);
                if (pools != null) {
                    pools.add(slide, patient, buffer, length);
                } else {
                    unpooled.add(slide, patient, tileLevel ? batch.tileIndex(i, slide) : -1, buffer, length);
                }
            }
        }

        FeatureMatrix build() {
            return pools != null ? pools.build(withPatients) : unpooled.build(withPatients);
        }
    }
}
