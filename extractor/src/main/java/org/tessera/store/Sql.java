package org.tessera.store;

/** Small helpers for SQL text that cannot take bind parameters (COPY targets, SET values). */
final class Sql {
    private Sql() {
    }

    /** Escapes a value for use inside a single-quoted SQL string literal. */
    static String escape(String value) {
        return value.replace("'", "''");
    }

    static String literal(String value) {
        return "'" + escape(value) + "'";
    }
}
