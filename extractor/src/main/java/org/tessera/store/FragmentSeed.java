package org.tessera.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prepares a store fragment for one machine's share of an extraction ({@code tessera extract --shard I/N
 * --store FRAGMENT --from MAIN}): the main store, attached read-only, lends the fragment what extraction
 * reads (cohorts, patients, slides and their files, backbones, tilings, spot patch specs, spatial sections
 * and their spots), row for row, and says which slides it has embedded already. The main store is held
 * only while this object is open, so many fragments can be seeded from it at once (DuckDB allows any
 * number of read-only openers) and none holds it during the long extraction.
 */
public final class FragmentSeed implements AutoCloseable {
    /** Tables copied, with their keys; rows the fragment already has are kept. */
    private static final List<List<String>> TABLES = List.of(
            List.of("cohorts", "cohort"), List.of("patients", "patient_id"), List.of("slides", "slide_id"),
            List.of("slide_files", "path"), List.of("backbones", "backbone"), List.of("tilings", "tiling_id"),
            List.of("spot_patch_specs", "tiling_id"), List.of("st_sections", "section"), List.of("spots", "section", "spot_id"));

    private final AttachedStore main;

    private FragmentSeed(AttachedStore main) {
        this.main = main;
    }

    /**
     * Attaches {@code mainDir} to the fragment's connection.
     *
     * @throws StoreException when main is the fragment itself, is not a store, or is being written
     */
    public static FragmentSeed attach(FeatureStore fragment, Path mainDir) throws StoreException {
        if (mainDir.toAbsolutePath().normalize().equals(fragment.root())) {
            throw new StoreException(fragment.root() + ": --from names the fragment itself; give the main store");
        }
        return new FragmentSeed(AttachedStore.attach(fragment.connection(), mainDir, "tessera_main"));
    }

    /** Copies the main store's catalogue rows that extraction reads into the fragment; returns the rows copied. */
    public long copyCatalogue() throws SQLException {
        Set<String> there = main.tables();
        long copied = 0;
        for (List<String> t : TABLES) {
            if (there.contains(t.get(0))) {
                copied += main.insertMissing(t.get(0), t.subList(1, t.size()));
            }
        }
        return copied;
    }

    /** Slides whose embeddings for this tiling x weights x stain the main store already holds. */
    public Set<String> slidesDone(String tilingId, String weightsSha256, String stain) throws SQLException {
        Set<String> done = new HashSet<>();
        try (PreparedStatement p = main.connection().prepareStatement("SELECT slide_id FROM tessera_main.embedding_sets WHERE tiling_id = ? "
                + "AND weights_sha256 = ? AND stain = ?")) {
            p.setString(1, tilingId);
            p.setString(2, weightsSha256);
            p.setString(3, stain);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    done.add(r.getString(1));
                }
            }
        }
        return done;
    }

    public Path mainRoot() {
        return main.root();
    }

    @Override
    public void close() throws SQLException {
        main.close();
    }
}
