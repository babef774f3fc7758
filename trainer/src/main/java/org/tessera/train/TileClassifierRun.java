package org.tessera.train;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.tessera.featureset.FeatureMatrices;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.FeatureSetException;
import org.tessera.featureset.Pooling;
import org.tessera.heads.tile.SlideScore;
import org.tessera.heads.tile.TileClassifier;
import org.tessera.heads.tile.TileClassifierOptions;
import org.tessera.heads.tile.TileClassifierResult;
import org.tessera.heads.tile.TilePrediction;
import org.tessera.store.FeatureStore;

/**
 * PathoMCH over the store: the tiles of the named tile-level feature set {@code tiles} (parameters
 * {@code backbone} and {@code min_tissue}), each slide's trait the value of one gene for its patient from a
 * targets query {@code (patient id, gene, value)}, {@link TileClassifier#fit}, and the run recorded as a
 * {@code training_runs} row (head {@code tile-classifier}) with per-slide scores in {@code tile_class_scores} and
 * per-tile ensemble calls in {@code tile_class_predictions}. Slides whose patient has no value for the gene
 * are left out and counted.
 */
public final class TileClassifierRun {
    public static final String HEAD = "tile-classifier";

    private TileClassifierRun() {
    }

    /**
     * What to run.
     *
     * @param parameters the {@code tiles} feature set's parameters ({@code backbone}, {@code min_tissue})
     * @param targetsSql query returning {@code (patient id, gene, value)}
     * @param trait      the gene whose value is the trait
     * @param classifier the classifier's settings
     */
    public record Options(Map<String, String> parameters, String targetsSql, String trait, TileClassifierOptions classifier) {
        public Options {
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(targetsSql, "targetsSql");
            Objects.requireNonNull(classifier, "classifier");
            if (trait == null || trait.isBlank()) {
                throw new IllegalArgumentException("trait gene must not be blank");
            }
        }
    }

    /** The run: its id, the slides and tiles used, slides left out for want of a trait value, and the result. */
    public record Outcome(int runId, int slides, int tiles, int slidesWithoutTrait, TileClassifierResult result, double seconds) {
    }

    public static Outcome run(FeatureStore store, Options o) throws SQLException, FeatureSetException {
        long start = System.nanoTime();
        FeatureSet set = FeatureSet.named("tiles", Pooling.NONE);
        FeatureMatrix all;
        try (BufferAllocator allocator = new RootAllocator()) {
            all = FeatureMatrices.read(store, set, o.parameters(), allocator);
        }
        Map<String, Double> byPatient = traitByPatient(store, o);
        Map<String, Double> traits = new LinkedHashMap<>();
        Map<String, String> patients = new LinkedHashMap<>();
        TreeSet<String> without = new TreeSet<>();
        List<Integer> keep = new ArrayList<>();
        for (int r = 0; r < all.rows(); r++) {
            String slide = all.slideId(r);
            String patient = all.patientId(r).orElseThrow(() -> new IllegalArgumentException("slide " + slide
                    + " has no patient id: add patients with 'tessera slides add --patient' or a manifest"));
            Double value = byPatient.get(patient);
            if (value == null) {
                without.add(slide);
                continue;
            }
            keep.add(r);
            traits.put(slide, value);
            patients.put(slide, patient);
        }
        if (traits.isEmpty()) {
            throw new IllegalArgumentException("no slide's patient has a value for gene '" + o.trait() + "' in the targets query: "
                    + "check the gene name and that the query returns patient ids matching the slides'");
        }
        FeatureMatrix tiles = all.select(keep.stream().mapToInt(Integer::intValue).toArray());
        TileClassifierResult result = TileClassifier.fit(tiles, traits, patients, o.classifier());
        double seconds = (System.nanoTime() - start) / 1e9;
        int runId = record(store, o, set, tiles, traits.size(), result, seconds);
        return new Outcome(runId, traits.size(), tiles.rows(), without.size(), result, seconds);
    }

    private static Map<String, Double> traitByPatient(FeatureStore store, Options o) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(o.targetsSql())) {
            if (r.getMetaData().getColumnCount() != 3) {
                throw new IllegalArgumentException("the targets query must return 3 columns (patient id, gene, value), not "
                        + r.getMetaData().getColumnCount() + ": " + o.targetsSql());
            }
            while (r.next()) {
                double v = r.getDouble(3);
                if (o.trait().equals(r.getString(2)) && !r.wasNull() && Double.isFinite(v)
                        && out.put(r.getString(1), v) != null) {
                    throw new IllegalArgumentException("the targets query returns gene " + o.trait() + " twice for patient "
                            + r.getString(1));
                }
            }
        }
        return out;
    }

    private static int record(FeatureStore store, Options o, FeatureSet set, FeatureMatrix tiles, int slides,
            TileClassifierResult result, double seconds) throws SQLException {
        int[] id = new int[1];
        TileClassifierOptions c = o.classifier();
        store.inTransaction(conn -> {
            id[0] = new RunRecord(HEAD, set.name(), set.render(o.parameters()), o.targetsSql(), result.testSplit().name(), slides,
                    tiles.cols(), 1, new RunRecord.TileClassifierParameters(o.trait(), c.lowPercentile(),
                            c.highPercentile(), c.nearWidth(), c.testFraction(), c.splits(), c.ensembleSize(), c.seed(), tiles.rows()), seconds).insert(conn);
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO tile_class_scores (run_id, slide_id, patient_id, trait, band, "
                    + "slide_set, split_scores, ensemble_score, tiles) VALUES (?,?,?,?,?,?,CAST(? AS DOUBLE[]),?,?)")) {
                for (SlideScore s : result.slides()) {
                    p.setInt(1, id[0]);
                    p.setString(2, s.slide());
                    p.setString(3, s.patient());
                    p.setDouble(4, s.trait());
                    p.setString(5, s.band().name());
                    p.setString(6, s.set().name());
                    // Double.toString round-trips exactly through DuckDB's VARCHAR -> DOUBLE cast
                    p.setString(7, s.splitScores().stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]")));
                    p.setDouble(8, s.ensembleScore());
                    p.setInt(9, s.tiles());
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = conn.prepareStatement("INSERT INTO tile_class_predictions (run_id, slide_id, tile_index, "
                    + "probability, vote) VALUES (?,?,?,?,?)")) {
                for (TilePrediction t : result.tiles()) {
                    p.setInt(1, id[0]);
                    p.setString(2, t.slide());
                    p.setInt(3, t.tileIndex());
                    p.setDouble(4, t.probability());
                    p.setBoolean(5, t.vote());
                    p.addBatch();
                }
                p.executeBatch();
            }
        });
        return id[0];
    }
}
