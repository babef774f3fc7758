package org.tessera.heads.tile;

import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;

/**
 * Tile embeddings as one row-major {@code float[]}: the design a tile classifier is trained on. A million
 * tiles of 768 features is 3 GB in float and 6 GB in double, so the design is held once, in float, and is
 * <em>not</em> copied: {@link #wrap} adopts the caller's array, and training selects rows by index rather
 * than by copying them. Standardisation is folded into the coefficients ({@link LogisticRegression}), so
 * no standardised copy is made either. The caller must not change the array while a fit or a prediction
 * reads it.
 */
public final class TileEmbeddings {
    private final float[] values;
    private final int rows;
    private final int cols;

    private TileEmbeddings(float[] values, int rows, int cols) {
        this.values = values;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Adopts {@code values} (row-major, {@code rows x cols}) without copying.
     *
     * @throws IllegalArgumentException if cols &lt; 1 or the length is not a multiple of cols
     */
    public static TileEmbeddings wrap(float[] values, int cols) {
        Objects.requireNonNull(values, "values");
        if (cols < 1) {
            throw new IllegalArgumentException("column count must be >= 1, got " + cols);
        }
        if (values.length % cols != 0) {
            throw new IllegalArgumentException(values.length + " values are not a whole number of rows of " + cols);
        }
        return new TileEmbeddings(values, values.length / cols, cols);
    }

    /** The values of a feature matrix rounded to float (embeddings are float32 in the store). */
    public static TileEmbeddings of(FeatureMatrix matrix) {
        int n = matrix.rows();
        int p = matrix.cols();
        float[] v = new float[Math.multiplyExact(n, p)];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                v[i * p + j] = (float) matrix.get(i, j);
            }
        }
        return wrap(v, p);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public float get(int row, int col) {
        Objects.checkIndex(row, rows);
        Objects.checkIndex(col, cols);
        return values[row * cols + col];
    }

    /** The backing array itself, for the kernels of this package. */
    float[] values() {
        return values;
    }

    @Override
    public String toString() {
        return "TileEmbeddings[" + rows + " x " + cols + "]";
    }
}
