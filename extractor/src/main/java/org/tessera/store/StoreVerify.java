package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks that a store's catalogue and its files agree: every embedding set row has its folder, with Parquet
 * files holding the recorded number of rows (read from the files' footers, not their data); every folder
 * under {@code embeddings/} has its row (an orphan); every tile grid has its recorded number of tiles. A
 * store that a crash left unrecovered shows its orphans here until it is next opened for writing.
 */
public final class StoreVerify {
    /** One disagreement: {@code kind} is missing, count, orphan, unreadable or grid. */
    public record Problem(String kind, String path, String detail) {
    }

    /** What was checked and what was found. */
    public record Report(int sets, long rows, int grids, List<Problem> problems) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private final FeatureStore store;

    public StoreVerify(FeatureStore store) {
        this.store = store;
    }

    public Report run() throws SQLException, IOException {
        List<Problem> problems = new ArrayList<>();
        Map<String, Long> recorded = new HashMap<>();
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery("SELECT path, n_tiles FROM embedding_sets")) {
            while (r.next()) {
                recorded.put(r.getString(1), r.getLong(2));
            }
        }
        Map<String, Long> onDisk = new HashMap<>();
        Path root = store.embeddingsDir();
        Set<String> folders = new HashSet<>();
        if (Files.isDirectory(root)) {
            // Layout: embeddings/w=*/t=*/p=*/<slide>/part-*.parquet: set folders are at depth 4.
            try (Stream<Path> walk = Files.walk(root, 4)) {
                walk.filter(p -> root.relativize(p).getNameCount() == 4 && Files.isDirectory(p)).forEach(p -> folders.add(store.relativize(p)));
            }
        }
        for (String folder : folders) {
            rowsIn(folder, problems).ifPresent(n -> onDisk.put(folder, n));
        }
        long rows = 0;
        for (var e : recorded.entrySet()) {
            String path = e.getKey();
            if (!folders.contains(path)) {
                problems.add(new Problem("missing", path, "recorded with " + e.getValue() + " tiles; the folder is missing"));
            } else if (onDisk.containsKey(path)) {
                long n = onDisk.get(path);
                rows += n;
                if (n == 0 && e.getValue() > 0) {
                    problems.add(new Problem("missing", path, "recorded with " + e.getValue() + " tiles; the folder has no Parquet file"));
                } else if (n != e.getValue()) {
                    problems.add(new Problem("count", path, "recorded " + e.getValue() + " tiles, the files hold " + n + " rows"));
                }
            }
        }
        for (String folder : folders) {
            if (!recorded.containsKey(folder)) {
                problems.add(new Problem("orphan", folder, "folder without a catalogue row (a crash's leftover: opening the store for "
                        + "writing removes it)"));
            }
        }
        int grids = 0;
        try (Statement s = store.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT g.slide_id, g.tiling_id, g.n_tiles, count(t.tile_index) FROM tile_grids AS g "
                        + "LEFT JOIN tiles AS t USING (slide_id, tiling_id) GROUP BY ALL ORDER BY ALL")) {
            while (r.next()) {
                grids++;
                if (r.getLong(3) != r.getLong(4)) {
                    problems.add(new Problem("grid", r.getString(1) + "/" + r.getString(2), "tile_grids says " + r.getLong(3)
                            + " tiles, tiles holds " + r.getLong(4)));
                }
            }
        }
        problems.sort(java.util.Comparator.comparing(Problem::kind).thenComparing(Problem::path));
        return new Report(recorded.size(), rows, grids, problems);
    }

    /** Rows in a folder's Parquet files, from their footers; empty (with a problem) when a file cannot be read. */
    private java.util.Optional<Long> rowsIn(String folder, List<Problem> problems) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(store.resolve(folder))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        long n = 0;
        for (Path file : files) {
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT num_rows FROM parquet_file_metadata(" + Sql.literal(file.toString()) + ")")) {
                r.next();
                n += r.getLong(1);
            } catch (SQLException e) {
                problems.add(new Problem("unreadable", store.relativize(file), e.getMessage().lines().findFirst().orElse("")));
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(n);
    }
}
