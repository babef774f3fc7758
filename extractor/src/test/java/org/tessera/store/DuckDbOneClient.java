package org.tessera.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * DuckDB 1.x as an independent reader of a store: the Node client {@code @duckdb/node-api}, which
 * {@code run-tests} installs (scripts/env.sh, {@code ensure_duckdb_node}) and names in
 * {@code TESSERA_DUCKDB_NODE}. Missing client: the test fails and says how to install it.
 */
public final class DuckDbOneClient {
    /** The version scripts/env.sh installs (DUCKDB_NODE_VERSION). */
    public static final String VERSION = "1.5.6-r.1";

    private DuckDbOneClient() {
    }

    /** What the 1.x client read: its DuckDB version and one array of rows (arrays of values) per query. */
    public record Read(String version, List<JsonNode> results) {
    }

    private static Path modules() {
        String env = System.getenv("TESSERA_DUCKDB_NODE");
        Path dir = env != null ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "tessera", "duckdb-node-" + VERSION);
        Path modules = dir.resolve("node_modules");
        if (!Files.isDirectory(modules.resolve("@duckdb/node-api"))) {
            throw new AssertionError("the DuckDB 1.x Node client is not installed in " + dir
                    + ": run ./run-tests (it installs @duckdb/node-api " + VERSION + "), or set TESSERA_DUCKDB_NODE");
        }
        return modules;
    }

    /** Opens {@code store}'s catalogue read-only with DuckDB 1.x and runs the queries. */
    public static Read read(Path store, String... queries) throws IOException, InterruptedException {
        Path script = Files.createTempFile("duckdb1-read", ".cjs");
        try {
            try (InputStream in = DuckDbOneClient.class.getResourceAsStream("/duckdb1-read.cjs")) {
                Files.write(script, in.readAllBytes());
            }
            List<String> cmd = new ArrayList<>(List.of("node", script.toString(),
                    store.resolve(FeatureStore.DATABASE).toString(), store.toString()));
            cmd.addAll(List.of(queries));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            pb.environment().put("NODE_PATH", modules().toString());
            Path err = Files.createTempFile("duckdb1-read", ".err");
            pb.redirectError(err.toFile());
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the DuckDB 1.x client did not finish in 2 minutes");
            }
            String errors = Files.readString(err);
            Files.delete(err);
            if (p.exitValue() != 0) {
                throw new AssertionError("the DuckDB 1.x client failed on " + store + ": " + errors.strip());
            }
            JsonNode json = new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
            List<JsonNode> results = new ArrayList<>();
            json.get("results").forEach(results::add);
            return new Read(json.get("version").asText(), results);
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
