package org.tessera.featureset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dense feature matrix with the identity of each row: what heads are fitted on and predict from. Rows
 * are slides (slide-level sets, or tiles pooled per slide) or tiles ({@link #isTileLevel()}, with their
 * {@code tile_index}). Values are doubles in one row-major array, so a row is contiguous.
 *
 * <p>Immutable: the constructor and the accessors copy arrays.
 */
public final class FeatureMatrix {
    private final List<String> slideIds;
    private final String[] patientIds;
    private final int[] tileIndices;
    private final int rows;
    private final int cols;
    private final double[] values;

    /**
     * @param slideIds    the slide of each row
     * @param patientIds  the patient of each row, or null entries when unknown; null for none at all
     * @param tileIndices the tile of each row for tile-level matrices, or null for slide-level ones
     * @param cols        the number of columns
     * @param values      {@code slideIds.size() * cols} values, row-major
     */
    public FeatureMatrix(List<String> slideIds, String[] patientIds, int[] tileIndices, int cols, double[] values) {
        this(List.copyOf(slideIds), patientIds == null ? null : patientIds.clone(),
                tileIndices == null ? null : tileIndices.clone(), cols, values.clone(), Ownership.ADOPTED);
    }

    /** Marks the constructor that takes the arrays as they are (the public one copies first). */
    private enum Ownership { ADOPTED }

    private FeatureMatrix(List<String> slideIds, String[] patientIds, int[] tileIndices, int cols, double[] values,
            Ownership adopted) {
        this.rows = slideIds.size();
        if (cols < 0) {
            throw new IllegalArgumentException("column count must be >= 0, got " + cols);
        }
        if (values.length != (long) rows * cols) {
            throw new IllegalArgumentException(rows + " rows x " + cols + " columns need " + (long) rows * cols
                    + " values, got " + values.length);
        }
        if (patientIds != null && patientIds.length != rows) {
            throw new IllegalArgumentException(rows + " rows but " + patientIds.length + " patient ids");
        }
        if (tileIndices != null && tileIndices.length != rows) {
            throw new IllegalArgumentException(rows + " rows but " + tileIndices.length + " tile indices");
        }
        this.slideIds = slideIds;
        this.patientIds = patientIds;
        this.tileIndices = tileIndices;
        this.cols = cols;
        this.values = values;
    }

    /** Wraps arrays the caller hands over (the reader's own buffers): no copies. */
    static FeatureMatrix adopt(List<String> slideIds, String[] patientIds, int[] tileIndices, int cols, double[] values) {
        return new FeatureMatrix(List.copyOf(slideIds), patientIds, tileIndices, cols, values, Ownership.ADOPTED);
    }

    /** A slide-level matrix from one array per row (for tests and data built in memory). */
    public static FeatureMatrix of(List<String> slideIds, double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        if (slideIds.size() != rows.length) {
            throw new IllegalArgumentException(slideIds.size() + " slide ids but " + rows.length + " rows");
        }
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] values = new double[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " (slide " + slideIds.get(i) + ") has " + rows[i].length
                        + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, values, i * cols, cols);
        }
        return adopt(slideIds, null, null, cols, values);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return values[row * cols + col];
    }

    /** A copy of one row. */
    public double[] row(int row) {
        Objects.checkIndex(row, rows);
        return Arrays.copyOfRange(values, row * cols, (row + 1) * cols);
    }

    /** A copy of all values, row-major. */
    public double[] toRowMajor() {
        return values.clone();
    }

    public List<String> slideIds() {
        return slideIds;
    }

    public String slideId(int row) {
        return slideIds.get(row);
    }

    public Optional<String> patientId(int row) {
        Objects.checkIndex(row, rows);
        return patientIds == null ? Optional.empty() : Optional.ofNullable(patientIds[row]);
    }

    /** True when rows are tiles (the query had a {@code tile_index} column and was not pooled). */
    public boolean isTileLevel() {
        return tileIndices != null;
    }

    /** The tile index of a row of a tile-level matrix. */
    public int tileIndex(int row) {
        if (tileIndices == null) {
            throw new IllegalStateException("a slide-level matrix has no tile indices");
        }
        return tileIndices[row];
    }

    /** The matrix of the given rows, in the given order (for splits). */
    public FeatureMatrix select(int[] rowIndices) {
        List<String> ids = new ArrayList<>(rowIndices.length);
        String[] patients = patientIds == null ? null : new String[rowIndices.length];
        int[] tiles = tileIndices == null ? null : new int[rowIndices.length];
        double[] v = new double[Math.multiplyExact(rowIndices.length, cols)];
        for (int k = 0; k < rowIndices.length; k++) {
            int r = Objects.checkIndex(rowIndices[k], rows);
            ids.add(slideIds.get(r));
            if (patients != null) {
                patients[k] = patientIds[r];
            }
            if (tiles != null) {
                tiles[k] = tileIndices[r];
            }
            System.arraycopy(values, r * cols, v, k * cols, cols);
        }
        return adopt(ids, patients, tiles, cols, v);
    }

    @Override
    public String toString() {
        return "FeatureMatrix[" + rows + " x " + cols + (isTileLevel() ? ", tiles" : ", slides") + "]";
    }
}
