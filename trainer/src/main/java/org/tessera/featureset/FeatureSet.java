package org.tessera.featureset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which embeddings a head is trained on: a SQL query over the feature store and how its rows are pooled.
 * Selecting features is a query rather than a Java API because the store is a contract analysts already
 * query (see {@code sql/README.md}): a feature set written in the DuckDB shell runs unchanged here.
 *
 * <p>The query must return a {@code slide_id} column and a {@code vector} FLOAT[] (or DOUBLE[]) column; a
 * {@code tile_index} column marks tile-level rows, and a {@code patient_id} column is carried along when
 * present. Other columns are ignored. Parameters are {@code ${name}} placeholders, filled by {@link
 * #render(Map)} with quoted SQL string literals.
 *
 * @param name    a label for messages and provenance: the file name without {@code .sql}, or "inline"
 * @param sql     the query text, with placeholders
 * @param pooling how rows become matrix rows
 */
public record FeatureSet(String name, String sql, Pooling pooling) {
    /** Where named feature sets live on the classpath (the repository's {@code sql/feature-sets/}). */
    public static final String RESOURCE_DIR = "sql/feature-sets/";

    public FeatureSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(pooling, "pooling");
        if (name.isBlank()) {
            throw new IllegalArgumentException("feature set name is blank");
        }
        if (sql.isBlank()) {
            throw new IllegalArgumentException("feature set '" + name + "' has an empty query");
        }
    }

    /** A named feature set: the classpath resource {@code sql/feature-sets/NAME.sql}. */
    public static FeatureSet named(String name, Pooling pooling) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("feature set name must be letters, digits, '_', '-' or '.', got '" + name + "'");
        }
        String resource = RESOURCE_DIR + name + ".sql";
        try (InputStream in = FeatureSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no feature set named '" + name + "' (no classpath resource " + resource
                        + "); give a .sql file instead");
            }
            return new FeatureSet(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feature set resource " + resource, e);
        }
    }

    /** A feature set from a {@code .sql} file; its name is the file name without the extension. */
    public static FeatureSet fromFile(Path file, Pooling pooling) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such feature-set file");
        }
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        return new FeatureSet(name, Files.readString(file, StandardCharsets.UTF_8), pooling);
    }

    /** A feature set from query text, named "inline". */
    public static FeatureSet inline(String sql, Pooling pooling) {
        return new FeatureSet("inline", sql, pooling);
    }

    /** The names of the {@code ${name}} placeholders in the query, sorted. */
    public Set<String> parameters() {
        return SqlParameters.names(sql);
    }

    /**
     * The query with every placeholder replaced by its value as a quoted SQL string literal.
     *
     * @throws IllegalArgumentException if a placeholder has no value, or a value has no placeholder
     */
    public String render(Map<String, String> values) {
        return SqlParameters.render(name, sql, values);
    }
}
