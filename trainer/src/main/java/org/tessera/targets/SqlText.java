package org.tessera.targets;

import java.util.List;
import java.util.stream.Collectors;

/** SQL text for values that cannot be bound as parameters (table functions' file names, list literals). */
final class SqlText {
    private SqlText() {
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A VARCHAR[] literal; with {@code unnest} it turns a Java list into rows without a row-by-row insert. */
    static String list(List<String> values) {
        return values.isEmpty() ? "[]::VARCHAR[]" : values.stream().map(SqlText::literal).collect(Collectors.joining(",", "[", "]"));
    }
}
