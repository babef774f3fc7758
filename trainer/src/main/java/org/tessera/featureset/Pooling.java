package org.tessera.featureset;

/**
 * How the rows of a feature set's query become rows of a matrix. Pooling groups rows by {@code slide_id}
 * (one matrix row per slide, sorted by slide id); {@link #NONE} keeps every row as it comes.
 */
public enum Pooling {
    /** One row per slide: the element-wise mean of its vectors (dimension d). */
    MEAN,
    /**
     * One row per slide: the element-wise mean followed by the element-wise standard deviation (dimension
     * 2d). The standard deviation is the population one (divisor n, numpy's default {@code ddof=0}), so a
     * slide with a single tile has standard deviation 0 rather than undefined.
     */
    MEAN_STD,
    /** One row per slide: the element-wise maximum of its vectors (dimension d). */
    MAX,
    /** Every query row is a matrix row, in the query's order. */
    NONE;

    /** The number of matrix columns this pooling makes from vectors of {@code dimension} values. */
    public int columns(int dimension) {
        return this == MEAN_STD ? Math.multiplyExact(2, dimension) : dimension;
    }
}
