package org.tessera.train;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tessera.featureset.FeatureMatrices;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.FeatureSetException;
import org.tessera.featureset.Pooling;
import org.tessera.heads.GeneMetric;
import org.tessera.heads.GeneMetrics;
import org.tessera.heads.Targets;
import org.tessera.splits.Fold;
import org.tessera.splits.Split;
import org.tessera.splits.SplitStore;
import org.tessera.splits.Splits;
import org.tessera.splits.Unit;
import org.tessera.stats.Alternative;
import org.tessera.store.FeatureStore;

/**
 * EMO's tile-level model over the store: the tiles of the named tile-level feature set {@code tiles}, each
 * inheriting its patient's target values; a patient-level k-fold split of the slides (stored); per fold a
 * {@link TileRegression} fitted on the training slides' tiles, a held-out slide predicted as the mean of its
 * tiles; per-gene metrics of those out-of-fold slide predictions (one-sided Spearman, BH) in
 * {@code gene_results}, and every tile's out-of-fold prediction in {@code tile_predictions} for maps.
 */
public final class TileRegressionRun {
    public static final String HEAD = "tile-regression";

    private TileRegressionRun() {
    }

    /** Feature-set parameters (backbone, min_tissue), a targets query (patient id, gene, value), the split and the grid. */
    public record Options(Map<String, String> parameters, String targetsSql, String splitName, int folds, long seed, double[] lambdas) {
        public Options {
            parameters = Map.copyOf(parameters);
            lambdas = lambdas.clone();
            if (folds < 2) {
                throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
            }
        }
    }

    /** Sizes, per-gene out-of-fold slide metrics and how many tile predictions were stored. */
    public record Report(int runId, int slides, int tiles, int genes, List<GeneMetric> metrics, long tilePredictions, double seconds) {
        public Report {
            metrics = List.copyOf(metrics);
        }

        public List<GeneMetric> best(int n) {
            return metrics.stream().filter(m -> Double.isFinite(m.spearmanRho()))
                    .sorted(Comparator.comparingDouble(GeneMetric::spearmanRho).reversed()).limit(n).toList();
        }
    }

    public static Report run(FeatureStore store, Options o) throws SQLException, FeatureSetException {
        long start = System.nanoTime();
        Map<String, String> params = new HashMap<>(Map.of("min_tissue", "0.5"));
        params.putAll(o.parameters());
        FeatureSet set = FeatureSet.named("tiles", Pooling.NONE);
        FeatureMatrix tiles;
        try (BufferAllocator allocator = new RootAllocator()) {
            tiles = FeatureMatrices.read(store, set, params, allocator);
        }
        Map<String, String> patientOf = new LinkedHashMap<>();
        for (int r = 0; r < tiles.rows(); r++) {
            String slide = tiles.slideId(r);
            patientOf.putIfAbsent(slide, tiles.patientId(r).orElseThrow(() ->
                    new IllegalArgumentException("slide " + slide + " has no patient id: add it with 'tessera slides add --patient'")));
        }
        List<Unit> units = patientOf.entrySet().stream().map(e -> Unit.of(e.getKey(), e.getValue())).toList();
        Split split = Splits.kFold(o.splitName(), units, Math.min(o.folds(), (int) patientOf.values().stream().distinct().count()), o.seed());
        SplitStore.save(store, split); // before any target is read
        Map<String, Map<String, Double>> byPatient = PatientData.readTargets(store, o.targetsSql());
        List<String> slides = patientOf.keySet().stream().filter(s -> byPatient.containsKey(patientOf.get(s))).toList();
        if (slides.size() < 3) {
            throw new IllegalArgumentException("only " + slides.size() + " slides have targets for their patient");
        }
        Set<String> common = new TreeSet<>(byPatient.get(patientOf.get(slides.get(0))).keySet());
        for (String s : slides) {
            common.retainAll(byPatient.get(patientOf.get(s)).keySet());
        }
        List<String> genes = List.copyOf(common);
        Map<String, double[]> slideTargets = new HashMap<>();
        for (String s : slides) {
            Map<String, Double> m = byPatient.get(patientOf.get(s));
            slideTargets.put(s, genes.stream().mapToDouble(m::get).toArray());
        }
        Map<String, double[]> predicted = new HashMap<>();
        List<TileExpression> tilePredictions = new ArrayList<>();
        List<String> rowSlides = tiles.slideIds();
        for (Fold fold : split.allFolds()) {
            Set<String> train = Set.copyOf(fold.train());
            Set<String> test = Set.copyOf(fold.validation());
            FeatureMatrix trainTiles = tiles.select(rows(rowSlides, s -> train.contains(s) && slideTargets.containsKey(s)));
            FeatureMatrix testTiles = tiles.select(rows(rowSlides, s -> test.contains(s) && slideTargets.containsKey(s)));
            if (trainTiles.rows() == 0 || testTiles.rows() == 0) {
                continue;
            }
            TileRegressionModel model = TileRegression.fit(trainTiles, slideTargets, genes, o.lambdas());
            SlidePredictions p = model.predictSlides(testTiles);
            for (String s : p.slideIds()) {
                predicted.put(s, p.slide(s));
            }
            tilePredictions.addAll(model.tileExpressions(testTiles));
        }
        List<String> scored = slides.stream().filter(predicted::containsKey).toList();
        double[][] observed = scored.stream().map(slideTargets::get).toArray(double[][]::new);
        double[][] outOfFold = scored.stream().map(predicted::get).toArray(double[][]::new);
        List<GeneMetric> metrics = GeneMetrics.of(new Targets(genes, observed), outOfFold, Alternative.GREATER);
        double seconds = (System.nanoTime() - start) / 1e9;
        int runId = record(store, new RunRecord(HEAD, set.name(), set.render(params), o.targetsSql(), split.name(), scored.size(),
                tiles.cols(), genes.size(), new RunRecord.TileRegressionParameters(split.folds(), split.seed(), tiles.rows()), seconds), metrics, tilePredictions);
        return new Report(runId, scored.size(), tiles.rows(), genes.size(), metrics, tilePredictions.size(), seconds);
    }

    private static int[] rows(List<String> rowSlides, java.util.function.Predicate<String> keep) {
        return java.util.stream.IntStream.range(0, rowSlides.size()).filter(i -> keep.test(rowSlides.get(i))).toArray();
    }

    private static int record(FeatureStore store, RunRecord run, List<GeneMetric> metrics, List<TileExpression> tiles) throws SQLException {
        int[] id = new int[1];
        store.inTransaction(c -> {
            id[0] = run.insert(c);
            try (var p = c.prepareStatement("INSERT INTO gene_results (run_id, gene, pearson_r, pearson_p, pearson_q, spearman_rho, "
                    + "spearman_p, spearman_q, r2_pred) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (GeneMetric m : metrics) {
                    p.setInt(1, id[0]);
                    p.setString(2, m.gene());
                    double[] v = {m.pearsonR(), m.pearsonP(), m.pearsonQ(), m.spearmanRho(), m.spearmanP(), m.spearmanQ(), m.r2()};
                    for (int k = 0; k < v.length; k++) {
                        if (Double.isFinite(v[k])) {
                            p.setDouble(3 + k, v[k]);
                        } else {
                            p.setNull(3 + k, java.sql.Types.DOUBLE);
                        }
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "tile_predictions")) {
                for (TileExpression t : tiles) {
                    a.beginRow();
                    a.append(id[0]);
                    a.append(t.slideId());
                    a.append(t.tileIndex());
                    a.append(t.gene());
                    a.append(t.value());
                    a.endRow();
                }
            }
        });
        return id[0];
    }
}
