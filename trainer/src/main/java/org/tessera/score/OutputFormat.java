package org.tessera.score;

import java.util.Locale;

/** The file format of exported predictions: both are written by DuckDB's {@code COPY}. */
public enum OutputFormat {
    /** Columns slide_id, patient_id, gene, predicted (DOUBLE). */
    PARQUET,
    /** The same columns, comma-separated with a header line. */
    CSV;

    /** The format named {@code name} (case-insensitive), for command lines. */
    public static OutputFormat parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("output format must be parquet or csv, got '" + name + "'", e);
        }
    }
}
