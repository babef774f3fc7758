package org.tessera.spots;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.tessera.featureset.FeatureSet;
import org.tessera.store.FeatureStore;
import org.tessera.store.Json;

/**
 * Reads {@link SpotData} from the store and writes a {@link SpotResult} to it (tables of migration V010).
 *
 * <p>Features: each feature set is a query returning {@code (section, spot_id, vector FLOAT[])}; several are
 * concatenated per spot in the order given (joined on section and spot id), keeping the spots every set has.
 * Expression: {@code spot_expression} on the genes of {@code st_genes} measured in every requested section,
 * a missing row being the spot's {@code zero_value}. Pseudo-bulk: log1p CP10k of the section's summed counts
 * (all its spots in {@code spots}).
 */
public final class SpotStore {
    private SpotStore() {
    }

    /**
     * A feature set with parameters of its own, e.g. the same spot-embedding set once per backbone when two
     * backbones' vectors are concatenated.
     */
    public record Source(FeatureSet set, Map<String, String> params) {
        public Source {
            Objects.requireNonNull(set, "set");
            params = Map.copyOf(params);
        }

        /** The set's name with its own parameters, e.g. {@code spot_embeddings[backbone=mobilenet_v2_imagenet]}. */
        public String label() {
            return params.isEmpty() ? set.name() : set.name() + new java.util.TreeMap<>(params).toString().replace('{', '[').replace('}', ']');
        }
    }

    /**
     * The sources' queries, each rendered with its own parameters over the {@code shared} ones it uses.
     *
     * @throws IllegalArgumentException if no source uses a shared parameter, or a source lacks or misspells one
     */
    public static List<String> render(List<Source> sources, Map<String, String> shared) {
        Set<String> unused = new TreeSet<>(shared.keySet());
        List<String> out = new ArrayList<>();
        for (Source source : sources) {
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : source.set().parameters()) {
                if (shared.containsKey(name)) {
                    values.put(name, shared.get(name));
                    unused.remove(name);
                }
            }
            values.putAll(source.params());
            out.add(source.set().render(values));
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("no feature set uses parameter(s) " + unused);
        }
        return out;
    }

    /**
     * Loads the spots of {@code sections} (in that order; within a section by array y, then x) that every
     * feature query returns.
     *
     * @throws IllegalArgumentException if a section is not in {@code st_sections}, a query lacks a column, or a
     *                                  vector's width differs within one query
     */
    public static SpotData load(FeatureStore store, List<String> queries, List<String> sections) throws SQLException {
        if (sections.isEmpty() || queries.isEmpty()) {
            throw new IllegalArgumentException("need at least one section and one feature query");
        }
        Connection c = store.connection();
        String in = "(" + String.join(",", Collections.nCopies(sections.size(), "?")) + ")";
        Map<String, String> patients = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT section, coalesce(patient_id, section) FROM st_sections WHERE section IN " + in)) {
            bind(p, sections, 1);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    patients.put(r.getString(1), r.getString(2));
                }
            }
        }
        for (String s : sections) {
            if (!patients.containsKey(s)) {
                throw new IllegalArgumentException("no section '" + s + "' in st_sections (import it with 'tessera import spatial')");
            }
        }
        List<Map<String, double[]>> blocks = new ArrayList<>();
        for (String q : queries) {
            blocks.add(features(c, q, new HashSet<>(sections)));
        }
        List<String> genes = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT gene FROM st_genes WHERE section IN " + in
                + " GROUP BY gene HAVING count(DISTINCT section) = ? ORDER BY gene")) {
            bind(p, sections, 1);
            p.setInt(sections.size() + 1, sections.size());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    genes.add(r.getString(1));
                }
            }
        }
        Map<String, Integer> geneIndex = new HashMap<>();
        for (int g = 0; g < genes.size(); g++) {
            geneIndex.put(genes.get(g), g);
        }
        List<String> ids = new ArrayList<>();
        List<int[]> xy = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<double[]> expression = new ArrayList<>();
        List<SpotSection> out = new ArrayList<>();
        for (String section : sections) {
            Map<String, Integer> row = new HashMap<>();
            long library = 0;
            int start = ids.size();
            try (PreparedStatement p = c.prepareStatement("SELECT spot_id, array_x, array_y, zero_value, library_size FROM spots "
                    + "WHERE section = ? ORDER BY array_y, array_x, spot_id")) {
                p.setString(1, section);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        library += r.getLong(5);
                        String id = r.getString(1);
                        double[] vector = concatenated(blocks, section + "\t" + id);
                        if (vector == null) {
                            continue;
                        }
                        row.put(id, ids.size());
                        ids.add(id);
                        xy.add(new int[] {r.getInt(2), r.getInt(3)});
                        rows.add(vector);
                        double[] e = new double[genes.size()];
                        java.util.Arrays.fill(e, r.getDouble(4));
                        expression.add(e);
                    }
                }
            }
            long[] summed = new long[genes.size()];
            try (PreparedStatement p = c.prepareStatement("SELECT spot_id, gene, count, value FROM spot_expression WHERE section = ?")) {
                p.setString(1, section);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        Integer g = geneIndex.get(r.getString(2));
                        if (g == null) {
                            continue;
                        }
                        summed[g] += r.getLong(3);
                        Integer i = row.get(r.getString(1));
                        if (i != null) {
                            expression.get(i)[g] = r.getDouble(4);
                        }
                    }
                }
            }
            if (ids.size() == start) {
                throw new IllegalArgumentException("section '" + section + "': no spot has features from every feature query");
            }
            out.add(new SpotSection(section, patients.get(section), start, ids.size(), library > 0 ? SpotSection.bulkProfile(summed, library) : null));
        }
        int n = ids.size();
        int[] x = new int[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = xy.get(i)[0];
            y[i] = xy.get(i)[1];
        }
        return new SpotData(out, ids.toArray(new String[0]), x, y, rows.toArray(new double[0][]), genes, expression.toArray(new double[0][]));
    }

    private static double[] concatenated(List<Map<String, double[]>> blocks, String key) {
        int width = 0;
        for (Map<String, double[]> b : blocks) {
            double[] v = b.get(key);
            if (v == null) {
                return null;
            }
            width += v.length;
        }
        double[] out = new double[width];
        int at = 0;
        for (Map<String, double[]> b : blocks) {
            double[] v = b.get(key);
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    /** section + TAB + spot_id -> vector, for the rows of the query in {@code sections}. */
    private static Map<String, double[]> features(Connection c, String query, Set<String> sections) throws SQLException {
        Map<String, double[]> out = new HashMap<>();
        int width = -1;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT section, spot_id, vector FROM (" + query + ") AS f")) {
            while (r.next()) {
                String section = r.getString(1);
                if (!sections.contains(section)) {
                    continue;
                }
                java.sql.Array array = r.getArray(3);
                if (array == null) {
                    throw new IllegalArgumentException("feature query returned a NULL vector for spot " + section + "/" + r.getString(2));
                }
                Object[] values = (Object[]) array.getArray();
                double[] v = new double[values.length];
                for (int i = 0; i < v.length; i++) {
                    v[i] = ((Number) values[i]).doubleValue();
                }
                if (width >= 0 && v.length != width) {
                    throw new IllegalArgumentException("feature query returned vectors of " + width + " and " + v.length + " values (spot "
                            + section + "/" + r.getString(2) + ")");
                }
                width = v.length;
                if (out.put(section + "\t" + r.getString(2), v) != null) {
                    throw new IllegalArgumentException("feature query returned spot " + section + "/" + r.getString(2) + " twice");
                }
            }
        } catch (SQLException e) {
            throw new SQLException("feature query failed (it must return section, spot_id, vector): " + e.getMessage(), e);
        }
        return out;
    }

    private static void bind(PreparedStatement p, List<String> values, int from) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            p.setString(from + i, values.get(i));
        }
    }

    /** What an experiment was run on, for {@code spot_experiments}. */
    public record Description(String experiment, String features, int nFeatures, String sections) {
        public Description {
            Objects.requireNonNull(experiment, "experiment");
            if (experiment.isBlank()) {
                throw new IllegalArgumentException("experiment name is blank");
            }
        }
    }

    /** Writes the experiment in one transaction, replacing every row of an experiment of the same name. */
    public static void save(FeatureStore store, Description d, SpotResult r) throws SQLException {
        store.inTransaction(c -> {
            for (String table : List.of("spot_predictions", "spot_gene_tests", "spot_metrics", "spot_pseudobulk", "spot_units", "spot_experiments")) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE experiment = ?")) {
                    p.setString(1, d.experiment());
                    p.executeUpdate();
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO spot_experiments (experiment, features, n_features, gene_set_kind, "
                    + "gene_set_size, scheme, sections, head_params, n_units, mean_pearson, mean_pearson_smoothed, mean_pearson_concatenated, "
                    + "genes_tested, genes_significant, genes_significant_smoothed, genes_significant_pooled) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                SpotResult.Summary s = r.summary();
                p.setString(1, d.experiment());
                p.setString(2, d.features());
                p.setInt(3, d.nFeatures());
                p.setString(4, r.geneSelection().kind().label());
                p.setInt(5, r.geneSelection().size());
                p.setString(6, r.scheme().label());
                p.setString(7, d.sections());
                p.setString(8, headJson(r));
                p.setInt(9, s.units());
                setDouble(p, 10, s.meanPearson());
                setDouble(p, 11, s.meanPearsonSmoothed());
                setDouble(p, 12, s.meanPearsonConcatenated());
                p.setInt(13, s.genesTested());
                p.setInt(14, s.genesSignificant());
                p.setInt(15, s.genesSignificantSmoothed());
                p.setInt(16, s.genesSignificantConcatenated());
                p.executeUpdate();
            }
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "spot_units")) {
                for (SpotResult.UnitSummary u : r.units()) {
                    a.beginRow();
                    a.append(d.experiment()).append(u.heldOut()).append(u.nSpots()).append(u.nGenes());
                    orNull(a, u.meanPearson());
                    orNull(a, u.meanPearsonSmoothed());
                    a.append(u.lambda());
                    a.endRow();
                }
            }
            try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "spot_pseudobulk")) {
                for (SpotResult.BulkCheck b : r.bulk()) {
                    a.beginRow();
                    a.append(d.experiment()).append(b.section()).append(b.nGenes());
                    orNull(a, b.pearson());
                    a.endRow();
                }
            }
            try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "spot_metrics")) {
                String geneSet = r.geneSelection().label();
                for (SpotResult.UnitGene m : r.metrics()) {
                    a.beginRow();
                    a.append(d.experiment()).append(d.features()).append(geneSet).append(m.heldOut()).append(m.gene());
                    orNull(a, m.pearson());
                    orNull(a, m.spearman());
                    orNull(a, m.auroc());
                    orNull(a, m.pearsonSmoothed());
                    a.append(m.nSpots());
                    a.endRow();
                }
            }
            try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "spot_gene_tests")) {
                for (SpotResult.GeneTest t : r.tests()) {
                    a.beginRow();
                    a.append(d.experiment()).append(t.gene()).append(t.nUnits()).append(t.nPositive()).append(t.pBinomial()).append(t.pHolm())
                            .append(t.nPositiveSmoothed()).append(t.pHolmSmoothed());
                    orNull(a, t.pearsonConcatenated());
                    a.append(t.pHolmConcatenated());
                    a.endRow();
                }
            }
            try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "spot_predictions")) {
                for (SpotResult.Prediction p : r.predictions()) {
                    a.beginRow();
                    a.append(d.experiment()).append(p.section()).append(p.spotId()).append(p.gene()).append(p.measured()).append(p.predicted());
                    a.endRow();
                }
            }
        });
    }

    /** The head's options with the penalty chosen per fold (and the inner-CV scores of the grid). */
    static String headJson(SpotResult r) {
        HeadOptions h = r.head();
        List<FoldParams> folds = r.choices().stream().map(f -> new FoldParams(f.fold(), f.trainSpots(), f.genes(), f.components(),
                f.lambda(), f.intercept(), java.util.Arrays.stream(f.innerScores()).mapToObj(v -> Double.isFinite(v) ? v : null).toList()))
                .toList();
        return Json.write(new HeadParams(h.components(), h.choice().label(), h.criterion().name().toLowerCase(java.util.Locale.ROOT),
                h.lambdas(), folds));
    }

    /** {@code spot_experiments.head_params}: the head's options and, per fold, the chosen penalty and inner-CV scores. */
    record HeadParams(int pca, String lambdaChoice, String criterion, double[] lambdas, List<FoldParams> folds) {
    }

    /** One fold's choice; inner scores that are not finite are null. */
    record FoldParams(String fold, int trainSpots, int genes, int components, double lambda, boolean intercept,
            List<Double> innerScores) {
    }

    private static void setDouble(PreparedStatement p, int i, double v) throws SQLException {
        if (Double.isFinite(v)) {
            p.setDouble(i, v);
        } else {
            p.setNull(i, java.sql.Types.DOUBLE);
        }
    }

    private static void orNull(DuckDBAppender a, double v) throws SQLException {
        if (Double.isFinite(v)) {
            a.append(v);
        } else {
            a.appendNull();
        }
    }
}
