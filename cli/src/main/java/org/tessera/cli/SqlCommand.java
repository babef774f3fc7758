package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.tessera.files.AtomicFiles;
import org.tessera.store.FeatureStore;
import org.tessera.store.ReadOnlySql;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(mixinStandardHelpOptions = true, name = "sql", description = {
    "Run SQL on the store (DuckDB dialect). Read-only unless --write.",
    "",
    "Read-only runs one statement that reads: SELECT, WITH, VALUES, FROM ..., DESCRIBE, SHOW, SUMMARIZE,",
    "EXPLAIN and the reporting PRAGMAs (table_info, storage_info, database_size, version, ...), as DuckDB's",
    "parser classifies it. COPY ... TO, EXPORT, ATTACH, INSTALL, LOAD, SET and every statement that writes",
    "are refused: save a result with --out FILE --format ..., change the store with --write.",
    "",
    "Tables: cohorts, patients, slides, slide_files, tilings, tile_grids, tiles, backbones,",
    "extraction_runs, embedding_sets, expression, expression_imports, clinical, splits, training_runs,",
    "gene_results, bundles, predictions. Views: embeddings (slide_id, tiling_id, backbone, stain,",
    "tile_index, vector FLOAT[]), slide_embeddings_mean, tile_embeddings.",
    "",
    "Examples:",
    "  tessera sql \"SELECT name, patient_id, width, height, mpp FROM slides\"",
    "  tessera sql \"SELECT backbone, count(*) AS tiles FROM embeddings GROUP BY ALL\"",
    "  tessera sql --format parquet --out means.parquet \"SELECT * FROM slide_embeddings_mean\"",
    "  tessera sql --file sql/examples/runs.sql",
    "  tessera sql \"DESCRIBE slides\"",
    "  tessera sql --write \"DELETE FROM predictions WHERE bundle_id = 'old'\""})
final class SqlCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "The SQL statement (or use --file).")
    String query;

    @Option(names = "--file", paramLabel = "FILE", description = "Read the statement from a .sql file, e.g. sql/examples/runs.sql.")
    Path file;

    @Option(names = "--format", defaultValue = "table", description = "table, csv, tsv, json or parquet (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of the terminal (required for parquet).")
    Path out;

    @Option(names = "--write", description = "Open the store for writing (default: read-only).")
    boolean write;

    @Option(names = "--max-rows", defaultValue = "1000", description = "Rows shown in table format (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Spec
    CommandSpec spec;

    enum Format { table, csv, tsv, json, parquet }

    @Override
    public Integer call() throws Exception {
        if ((query == null) == (file == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either a QUERY or --file FILE");
        }
        if (file != null) {
            query = Files.readString(file);
        }
        try (FeatureStore s = write ? FeatureStore.open(store.store) : FeatureStore.openReadOnly(store.store)) {
            if (!write) {
                ReadOnlySql.prepare(s.connection());
                query = ReadOnlySql.check(s.connection(), query); // refusal: exit 1 with its reason
            }
            if (format == Format.parquet) {
                if (out == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format parquet needs --out FILE");
                }
                Path target = out.toAbsolutePath();
                String select = query.strip();
                while (select.endsWith(";")) {
                    select = select.substring(0, select.length() - 1).strip();
                }
                String copy = select;
                AtomicFiles.write(target, tmp -> {
                    try (Statement st = s.connection().createStatement()) {
                        st.execute("COPY (" + copy + "\n) TO '" + tmp.toString().replace("'", "''") + "' (FORMAT parquet)");
                    }
                });
                spec.commandLine().getErr().println("wrote " + target);
                return 0;
            }
            try (Statement st = s.connection().createStatement()) {
                boolean rows = st.execute(query);
                if (!rows) {
                    spec.commandLine().getErr().println(st.getUpdateCount() + " rows changed");
                    return 0;
                }
                try (ResultSet r = st.getResultSet()) {
                    if (out != null) {
                        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
                            ResultPrinter.print(r, format.name(), w, Integer.MAX_VALUE);
                        }
                    } else {
                        ResultPrinter.print(r, format.name(), spec.commandLine().getOut(), maxRows);
                    }
                }
            }
        }
        return 0;
    }
}
