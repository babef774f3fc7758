package org.tessera.heads;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import smile.tensor.DenseMatrix;
import smile.tensor.ScalarType;

/**
 * Bulk copies between Smile matrices and plain column-major arrays, so the per-element work around the
 * matrix products runs on arrays rather than through {@code get}/{@code set}. Smile pads columns to a
 * leading dimension {@code ld() >= nrow()}; the arrays here are unpadded.
 */
final class Dense {
    private static final ValueLayout.OfDouble DOUBLE = ValueLayout.JAVA_DOUBLE;

    private Dense() {
    }

    /** A Float64 matrix holding {@code values} (column-major, rows x cols). */
    static DenseMatrix of(double[] values, int rows, int cols) {
        DenseMatrix m = DenseMatrix.zeros(ScalarType.Float64, rows, cols);
        MemorySegment memory = m.memory();
        long ld = m.ld();
        for (int j = 0; j < cols; j++) {
            MemorySegment.copy(values, j * rows, memory, DOUBLE, j * ld * Double.BYTES, rows);
        }
        return m;
    }

    /** The values of a Float64 matrix, column-major without padding. */
    static double[] values(DenseMatrix m) {
        int rows = m.nrow();
        int cols = m.ncol();
        double[] values = new double[Math.multiplyExact(rows, cols)];
        MemorySegment memory = m.memory();
        long ld = m.ld();
        for (int j = 0; j < cols; j++) {
            MemorySegment.copy(memory, DOUBLE, j * ld * Double.BYTES, values, j * rows, rows);
        }
        return values;
    }
}
