package org.tessera.targets;

import java.util.List;
import java.util.stream.Collectors;

/** SQL text for values that cannot be bound as parameters (table functions' file names, list literals). */
final class SqlText {
    private SqlText() {
    }

    /**
     * A string literal. DuckDB's parser ends the SQL text at a NUL character, so a NUL inside a value (found by fuzzing
     * the importers: a cell with a NUL byte gave "unterminated string literal") is written as {@code chr(0)}.
     */
    static String literal(String value) {
        String quoted = "'" + value.replace("'", "''") + "'";
        return value.indexOf('\0') < 0 ? quoted : "(" + quoted.replace("\0", "' || chr(0) || '") + ")";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A VARCHAR[] literal; with {@code unnest} it turns a Java list into rows without a row-by-row insert. */
    static String list(List<String> values) {
        return values.isEmpty() ? "[]::VARCHAR[]" : values.stream().map(SqlText::literal).collect(Collectors.joining(",", "[", "]"));
    }
}
