package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Merges store fragments (each extracted on its own machine, e.g. {@code tessera extract --shard I/N}) into a
 * main store, so that the result equals one machine's run over all the slides.
 *
 * <p>A fragment is attached read-only and left as it was. Its content-keyed rows (slides, tilings, grids and
 * their tiles, spot patch specs, embedding sets) are inserted once: a key the main store has already is
 * skipped when its content is the same, and is an error naming both stores when not, before anything of that
 * fragment is written. Extraction runs are renumbered and recorded in {@code run_origins} with the store and
 * run id they had, so merging a fragment again finds them; embedding sets follow their run's new id. A
 * backbone whose name the main store gives to other weights is merged as a separate backbone named
 * {@code name@<first 12 hex of its sha256>}.
 *
 * <p>Crash safety: the catalogue rows go in one transaction; then each embedding set's Parquet files are
 * linked (or copied, across file systems) into the main store's {@code .staging/}, moved into place by one
 * atomic rename, and only then recorded, exactly as an extraction commits a set. A merge killed at any point
 * leaves at most an unrecorded folder, which opening the store for writing removes; running the merge again
 * completes it. Merging twice changes nothing.
 *
 * <p>Tables that are not about extraction (targets, training runs, predictions, spatial imports, ...) are not
 * merged: a fragment whose such tables hold rows the main store lacks is refused, naming the tables; import
 * or train in the main store instead. Rows copied from the main store by {@code --from} are the main
 * store's own and pass.
 */
public final class StoreMerge {
    static final String ALIAS = "tessera_fragment";
    /** Content-keyed tables: key columns, then the columns that must agree when both stores hold a key. */
    private static final List<Keyed> CONTENT = List.of(
            new Keyed("slides", List.of("slide_id"), List.of("fingerprint", "vendor", "mpp", "width", "height", "levels")),
            new Keyed("tilings", List.of("tiling_id"), List.of("tile_px", "mpp", "stride_px", "min_tissue", "tissue_method", "spec_key")),
            new Keyed("spot_patch_specs", List.of("tiling_id"), List.of("patch_um", "mpp", "patch_px", "tta")),
            new Keyed("tile_grids", List.of("slide_id", "tiling_id"), List.of("columns", "rows", "n_tiles", "read_level", "tissue_fraction")),
            new Keyed("embedding_sets", List.of("slide_id", "tiling_id", "weights_sha256", "stain"), List.of("n_tiles", "dimension", "mean_vector")));
    /** Descriptive tables: rows the main store lacks are added, its own rows are kept as they are. */
    private static final List<Keyed> DESCRIPTIVE = List.of(new Keyed("cohorts", List.of("cohort"), List.of()),
            new Keyed("patients", List.of("patient_id"), List.of()), new Keyed("slide_files", List.of("path"), List.of()));
    /** Merged by their own rule (above) or bookkeeping that stays per store. */
    private static final Set<String> HANDLED = Set.of("cohorts", "patients", "slides", "slide_files", "tilings", "spot_patch_specs",
            "tile_grids", "tiles", "tile_sharpness", "spot_patches", "backbones", "extraction_runs", "embedding_sets", "schema_migrations",
            "store_identity", "run_origins", "merged_fragments");

    private record Keyed(String table, List<String> keys, List<String> compared) {
    }

    /** What merging one fragment did. {@code renamedBackbones} lists "name -> new name" for other weights under a taken name. */
    public record Result(Path fragment, int setsAdded, int setsPresent, int runsAdded, long tilesAdded, List<String> renamedBackbones) {
        public Result {
            renamedBackbones = List.copyOf(renamedBackbones);
        }
    }

    /** A fragment that could not be merged, and why. */
    public record Failure(Path fragment, String error) {
    }

    /** Merges each fragment in turn, going on past one that fails; returns the failures. */
    public List<Failure> mergeAll(List<Path> fragments, java.util.function.Consumer<Result> done) {
        List<Failure> failures = new ArrayList<>();
        for (Path fragment : fragments) {
            try {
                done.accept(merge(fragment));
            } catch (SQLException | IOException | RuntimeException e) {
                failures.add(new Failure(fragment, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return failures;
    }

    private final FeatureStore main;

    /** Merges into {@code main}, which must be open for writing (it then holds the store's writer lock). */
    public StoreMerge(FeatureStore main) {
        if (main.isReadOnly()) {
            throw new IllegalArgumentException(main.root() + ": a merge needs the main store open for writing");
        }
        this.main = main;
    }

    /**
     * Merges one fragment.
     *
     * @throws StoreException when the fragment is not a mergeable store or conflicts with the main store (nothing
     *     of it is written then), or when copying a set's files fails (the sets before it stay merged)
     */
    public Result merge(Path fragmentDir) throws StoreException, SQLException, IOException {
        Path root = fragmentDir.toAbsolutePath().normalize();
        if (root.equals(main.root())) {
            throw new StoreException(root + ": is the main store itself");
        }
        Connection c = main.connection();
        try (AttachedStore f = AttachedStore.attach(c, root, ALIAS)) {
            String fragmentId = identity(f);
            check(f, fragmentId);
            Map<Integer, Integer> runs = new HashMap<>();
            List<String> renamed = new ArrayList<>();
            long[] tiles = new long[1];
            int[] runsAdded = new int[1];
            List<String> previews = previewsToLink(f);
            main.inTransaction(tx -> {
                for (Keyed k : DESCRIPTIVE) {
                    f.insertMissing(k.table(), k.keys());
                }
                for (String t : List.of("slides", "tilings", "spot_patch_specs")) {
                    f.insertMissing(t, keyOf(t).keys());
                }
                renamed.addAll(mergeBackbones(f));
                // A grid's tiles and patches go in with the grid: only for grids the main store does not have.
                String newGrid = "NOT EXISTS (SELECT 1 FROM tile_grids AS g WHERE g.slide_id = x.slide_id AND g.tiling_id = x.tiling_id)";
                tiles[0] = f.insertMissing("tiles", List.of("slide_id", "tiling_id", "tile_index"), newGrid);
                f.insertMissing("spot_patches", List.of("slide_id", "tiling_id", "tile_index"), newGrid);
                // Sharpness is a function of a tile's pixels: whichever store measured a tile first, the value is the same.
                f.insertMissing("tile_sharpness", List.of("slide_id", "tiling_id", "tile_index"));
                f.insertMissing("tile_grids", List.of("slide_id", "tiling_id"));
                runsAdded[0] = mergeRuns(f, fragmentId, runs);
                try (PreparedStatement p = tx.prepareStatement("INSERT OR IGNORE INTO merged_fragments (store_id, path) VALUES (?, ?)")) {
                    p.setString(1, fragmentId);
                    p.setString(2, root.toString());
                    p.executeUpdate();
                }
            });
            linkPreviews(root, previews);
            int[] sets = mergeSets(f, runs);
            return new Result(root, sets[0], sets[1], runsAdded[0], tiles[0], renamed);
        }
    }

    private static String identity(AttachedStore f) throws SQLException, StoreException {
        if (!f.tables().contains("store_identity")) {
            throw new StoreException(f.root() + ": the store was made by an older Tessera and has no identity; open it once for "
                    + "writing (e.g. 'tessera init --store " + f.root() + "') and merge again");
        }
        List<String> id = f.strings("SELECT store_id FROM " + ALIAS + ".store_identity");
        if (id.size() != 1) {
            throw new StoreException(f.root() + ": store_identity holds " + id.size() + " rows instead of one");
        }
        return id.get(0);
    }

    /** Everything that refuses a fragment, before any of it is written. */
    private void check(AttachedStore f, String fragmentId) throws SQLException, StoreException {
        if (fragmentId.equals(identity(main))) {
            throw new StoreException(f.root() + ": has the main store's identity (a copy of " + main.root() + "?); nothing to merge");
        }
        List<String> newer = f.strings("SELECT name FROM " + ALIAS + ".schema_migrations EXCEPT SELECT name FROM schema_migrations");
        if (!newer.isEmpty()) {
            throw new StoreException(f.root() + ": made by a newer Tessera (schema " + newer + "); merge it with that version");
        }
        List<String> problems = new ArrayList<>();
        Set<String> tables = f.tables();
        for (Keyed k : CONTENT) {
            if (!tables.contains(k.table())) {
                continue;
            }
            for (String conflict : f.conflicts(k.table(), k.keys(), k.compared(), 5)) {
                problems.add(k.table() + " " + conflict);
            }
        }
        if (!problems.isEmpty()) {
            throw new StoreException(f.root() + ": the same keys with other content than in " + main.root() + " (values there / in "
                    + "this fragment); the main store's came from " + origins(f) + ":\n  " + String.join("\n  ", problems)
                    + "\nNothing of this fragment was merged. Decide which to keep; re-extract the other.");
        }
        List<String> unmerged = new ArrayList<>();
        Set<String> mainTables = f.tablesHere();
        List<String> others = tables.stream().filter(t -> !HANDLED.contains(t)).sorted().toList();
        Map<String, Long> rows = f.rowCounts(others);
        for (String t : others) {
            long extra = rows.get(t) == 0 ? 0 : mainTables.contains(t) ? f.rowsNotHere(t) : rows.get(t);
            if (extra > 0) {
                unmerged.add(t + " (" + extra + " rows)");
            }
        }
        if (!unmerged.isEmpty()) {
            throw new StoreException(f.root() + ": holds rows that are not about extraction and are not in " + main.root() + ": "
                    + String.join(", ", unmerged) + ". Merge only merges extractions; import targets, spatial data and train in the "
                    + "main store. Nothing of this fragment was merged.");
        }
    }

    private static String identity(FeatureStore store) throws SQLException {
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery("SELECT store_id FROM store_identity")) {
            r.next();
            return r.getString(1);
        }
    }

    /** Where the main store's rows came from: the fragments merged into it so far, or itself. */
    private String origins(AttachedStore f) throws SQLException {
        List<String> merged = f.strings("SELECT path FROM merged_fragments ORDER BY merged_at");
        return merged.isEmpty() ? "its own extraction (no fragment merged yet)" : "its own extraction or the fragments merged before: " + merged;
    }

    private static Keyed keyOf(String table) {
        return CONTENT.stream().filter(k -> k.table().equals(table)).findFirst().orElseThrow();
    }

    /** Backbones by weights: new weights are added, under {@code name@sha12} when the name is taken. */
    private static List<String> mergeBackbones(AttachedStore f) throws SQLException {
        List<String> renamed = f.strings("SELECT x.backbone || ' -> ' || x.backbone || '@' || substr(x.weights_sha256, 1, 12) FROM "
                + ALIAS + ".backbones AS x JOIN backbones AS m USING (backbone) WHERE m.weights_sha256 <> x.weights_sha256 "
                + "AND NOT EXISTS (SELECT 1 FROM backbones AS w WHERE w.weights_sha256 = x.weights_sha256) ORDER BY 1");
        List<String> cols = f.sharedColumns("backbones");
        String select = String.join(", ", cols.stream().map(c -> c.equals("backbone")
                ? "CASE WHEN EXISTS (SELECT 1 FROM backbones AS n WHERE n.backbone = x.backbone) THEN x.backbone || '@' || "
                        + "substr(x.weights_sha256, 1, 12) ELSE x.backbone END"
                : "x." + AttachedStore.q(c)).toList());
        try (Statement s = f.connection().createStatement()) {
            s.executeUpdate("INSERT INTO backbones (" + String.join(", ", cols.stream().map(AttachedStore::q).toList()) + ") SELECT "
                    + select + " FROM " + ALIAS + ".backbones AS x WHERE NOT EXISTS (SELECT 1 FROM backbones AS w "
                    + "WHERE w.weights_sha256 = x.weights_sha256)");
        }
        return renamed;
    }

    /** Adds the fragment's runs not merged before, filling {@code ids} (fragment run id -> main run id); returns how many were added. */
    private int mergeRuns(AttachedStore f, String fragmentId, Map<Integer, Integer> ids) throws SQLException {
        Connection c = f.connection();
        List<String> cols = f.sharedColumns("extraction_runs").stream().filter(col -> !col.equals("run_id")).toList();
        String list = String.join(", ", cols.stream().map(AttachedStore::q).toList());
        int added = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT x.run_id, coalesce(o.origin_store, ?), coalesce(o.origin_run_id, x.run_id), "
                + "m.run_id FROM " + ALIAS + ".extraction_runs AS x LEFT JOIN " + ALIAS + ".run_origins AS o USING (run_id) "
                + "LEFT JOIN run_origins AS m ON m.origin_store = coalesce(o.origin_store, ?) "
                + "AND m.origin_run_id = coalesce(o.origin_run_id, x.run_id) ORDER BY x.run_id")) {
            q.setString(1, fragmentId);
            q.setString(2, fragmentId);
            try (ResultSet r = q.executeQuery();
                    PreparedStatement insert = c.prepareStatement("INSERT INTO extraction_runs (" + list + ") SELECT " + list + " FROM "
                            + ALIAS + ".extraction_runs WHERE run_id = ? RETURNING run_id");
                    PreparedStatement origin = c.prepareStatement("INSERT INTO run_origins (run_id, origin_store, origin_run_id, fragment) "
                            + "VALUES (?, ?, ?, ?)")) {
                while (r.next()) {
                    int runId = r.getInt(1);
                    int existing = r.getInt(4);
                    if (!r.wasNull()) {
                        ids.put(runId, existing);
                        continue;
                    }
                    insert.setInt(1, runId);
                    int newId;
                    try (ResultSet n = insert.executeQuery()) {
                        n.next();
                        newId = n.getInt(1);
                    }
                    origin.setInt(1, newId);
                    origin.setString(2, r.getString(2));
                    origin.setInt(3, r.getInt(3));
                    origin.setString(4, f.root().toString());
                    origin.executeUpdate();
                    ids.put(runId, newId);
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * Preview PNGs (relative paths) of the fragment's grids, those the main store's grid rows name too; linked after
     * the catalogue transaction when missing, so a merge killed before linking them links them when run again.
     */
    private static List<String> previewsToLink(AttachedStore f) throws SQLException {
        return f.strings("SELECT x.preview_path FROM " + ALIAS + ".tile_grids AS x LEFT JOIN tile_grids AS g USING (slide_id, tiling_id) "
                + "WHERE x.preview_path IS NOT NULL AND (g.slide_id IS NULL OR g.preview_path = x.preview_path)");
    }

    /** Previews are pictures for people, not data: linked when present, never overwriting. */
    private void linkPreviews(Path fragment, List<String> previews) throws IOException {
        for (String p : previews) {
            Path from = fragment.resolve(p).normalize();
            Path to = main.resolve(p).normalize();
            if (Files.isRegularFile(from) && !Files.exists(to) && to.startsWith(main.root())) {
                Files.createDirectories(to.getParent());
                Path tmp = main.stagingDir().resolve("preview-" + UUID.randomUUID());
                Files.createDirectories(tmp.getParent());
                linkOrCopy(from, tmp);
                SetWriter.moveAtomically(tmp, to);
            }
        }
    }

    /** Links each new set's folder into place, then records it; returns {added, already present}. */
    private int[] mergeSets(AttachedStore f, Map<Integer, Integer> runs) throws SQLException, IOException, StoreException {
        List<String> keys = keyOf("embedding_sets").keys();
        List<String> cols = f.sharedColumns("embedding_sets");
        String select = String.join(", ", cols.stream().map(c -> c.equals("run_id") ? "?::INTEGER" : "x." + AttachedStore.q(c)).toList());
        String where = String.join(" AND ", keys.stream().map(k -> "x." + AttachedStore.q(k) + " = ?").toList());
        List<String[]> todo = new ArrayList<>();
        int present;
        Connection c = f.connection();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT x.slide_id, x.tiling_id, x.weights_sha256, x.stain, x.path, x.run_id::VARCHAR, "
                        + "EXISTS (SELECT 1 FROM embedding_sets AS m WHERE m.slide_id = x.slide_id AND m.tiling_id = x.tiling_id AND "
                        + "m.weights_sha256 = x.weights_sha256 AND m.stain = x.stain) FROM " + ALIAS + ".embedding_sets AS x ORDER BY ALL")) {
            int seen = 0;
            while (r.next()) {
                seen++;
                if (!r.getBoolean(7)) {
                    todo.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6)});
                }
            }
            present = seen - todo.size();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO embedding_sets (" + String.join(", ",
                cols.stream().map(AttachedStore::q).toList()) + ") SELECT " + select + " FROM " + ALIAS + ".embedding_sets AS x WHERE " + where)) {
            for (String[] set : todo) {
                String relative = set[4];
                Path source = f.root().resolve(relative).normalize();
                Path target = main.resolve(relative).normalize();
                if (!source.startsWith(f.root()) || !target.startsWith(main.embeddingsDir())) {
                    throw new StoreException(f.root() + ": embedding set " + set[0] + " has a path outside the store: " + relative);
                }
                if (!Files.isDirectory(source)) {
                    throw new StoreException(source + ": the fragment records embedding set " + set[0] + " but its folder is missing "
                            + "(check the fragment with 'tessera store verify --store " + f.root() + "')");
                }
                stage(source, target);
                Integer run = set[5] == null ? null : runs.get(Integer.valueOf(set[5]));
                if (run == null) {
                    insert.setNull(1, java.sql.Types.INTEGER);
                } else {
                    insert.setInt(1, run);
                }
                for (int i = 0; i < 4; i++) {
                    insert.setString(i + 2, set[i]);
                }
                try {
                    insert.executeUpdate();
                } catch (SQLException e) {
                    Directories.deleteTree(target);
                    throw e;
                }
            }
        }
        return new int[] {todo.size(), present};
    }

    /** Links (or copies) a set's files into staging, then moves the folder into place with one atomic rename. */
    private void stage(Path source, Path target) throws IOException {
        Path staging = main.stagingDir().resolve("merge-" + UUID.randomUUID());
        Files.createDirectories(staging);
        try (var files = Files.list(source)) {
            for (Path file : files.sorted().toList()) {
                linkOrCopy(file, staging.resolve(file.getFileName().toString()));
            }
        }
        Files.createDirectories(target.getParent());
        if (Files.exists(target)) {
            Directories.deleteTree(target); // unrecorded: left by an earlier failure in this process
        }
        SetWriter.moveAtomically(staging, target);
    }

    /** A hard link (Parquet files are immutable), or a copy when the two stores are on different file systems. */
    private static void linkOrCopy(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(from, to);
        }
    }
}
