package org.tessera.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Applies the schema migrations in {@code sql/migrations} (top level of the repository, packaged on the
 * classpath) in the order of their {@code INDEX}, each once, recording name and sha256 in
 * {@code schema_migrations}. An applied migration whose text changed since is an error: migrations are
 * append-only.
 */
final class Migrations {
    private static final String DIR = "sql/migrations/";

    private Migrations() {
    }

    static List<String> names() throws IOException {
        return read("INDEX").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static void apply(Connection connection) throws SQLException, IOException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL, "
                    + "applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)");
        }
        for (String name : names()) {
            String text = read(name);
            String sha = Ids.sha256(text);
            Optional<String> applied = appliedSha(connection, name);
            if (applied.isEmpty()) {
                FeatureStore.inTransaction(connection, c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(text);
                    }
                    try (PreparedStatement p = c.prepareStatement("INSERT INTO schema_migrations (name, sha256) VALUES (?, ?)")) {
                        p.setString(1, name);
                        p.setString(2, sha);
                        p.executeUpdate();
                    }
                });
            } else if (!applied.get().equals(sha)) {
                throw new SQLException("migration " + name + " changed after it was applied to this store "
                        + "(stored sha256 " + applied.get() + ", now " + sha + "): add a new migration instead");
            }
        }
    }

    private static Optional<String> appliedSha(Connection c, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT sha256 FROM schema_migrations WHERE name = ?")) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IOException("schema file " + DIR + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
