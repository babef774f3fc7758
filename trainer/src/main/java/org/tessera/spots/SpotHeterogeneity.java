package org.tessera.spots;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.tessera.maps.Cartography;
import org.tessera.maps.Heterogeneity;
import org.tessera.maps.HeterogeneityMap;
import org.tessera.maps.HeterogeneityTable;
import org.tessera.stats.Quantiles;
import org.tessera.store.FeatureStore;

/**
 * PathoMCH's cartography on spots, from held-out spot predictions: trait 1 = predicted {@code gene} above its
 * median over all held-out spots, trait 2 = predicted proliferation (mean z-score of the predicted
 * proliferation genes) above its median; the heterogeneity index (HTI) of each held-out section, stored in the
 * {@code heterogeneity} table (source {@code spot_predictions}) against the section's spot-patch tiling.
 */
public final class SpotHeterogeneity {
    public static final List<String> TRAITS = List.of("ERBB2-high", "proliferative");

    private SpotHeterogeneity() {
    }

    /** What to compute: the held-out run, its embedding, the trait genes and where a map is drawn. */
    public record Request(String experiment, Her2stSpotEmbeddings.Embedding embedding, Scheme scheme, List<String> sections, String gene,
            List<String> proliferation, Optional<String> mapSection, Path mapDir) {
        public Request {
            sections = List.copyOf(sections);
            proliferation = List.copyOf(proliferation);
        }
    }

    /** One section's cartography and HTI, with its map when one was drawn. */
    public record SectionResult(String section, Cartography cartography, Heterogeneity heterogeneity, Optional<Path> map) {
        public String hti() {
            return heterogeneity.hti().isPresent() ? String.format(Locale.ROOT, "%.3f", heterogeneity.hti().getAsDouble()) : "undefined";
        }
    }

    /** The genes the traits used (the gene, then the proliferation genes measured in every section) and each section. */
    public record Result(List<String> genes, List<SectionResult> sections) {
    }

    public static Result run(FeatureStore s, Request q, List<String> measuredGenes) throws Exception {
        List<String> genes = new ArrayList<>(List.of(q.gene()));
        q.proliferation().stream().filter(measuredGenes::contains).forEach(genes::add);
        SpotResult r = new SpotRun(q.experiment(), List.of(q.embedding().source(s)), Map.of(), q.scheme(), GeneSelection.of(genes),
                HeadOptions.defaults(), Grid.LEGACY_ST, SpotRun.Context.NONE, false).run(s).result();
        Map<String, Map<String, double[]>> bySpot = new HashMap<>(); // section -> spot -> predicted per gene
        for (SpotResult.Prediction p : r.predictions()) {
            bySpot.computeIfAbsent(p.section(), k -> new LinkedHashMap<>()).computeIfAbsent(p.spotId(), k -> new double[genes.size()])[genes
                    .indexOf(p.gene())] = p.predicted();
        }
        List<double[]> all = bySpot.values().stream().flatMap(m -> m.values().stream()).toList();
        double[] mean = new double[genes.size()];
        double[] sd = new double[genes.size()];
        for (int g = 0; g < genes.size(); g++) {
            final int k = g;
            mean[g] = all.stream().mapToDouble(v -> v[k]).average().orElseThrow();
            sd[g] = Math.sqrt(all.stream().mapToDouble(v -> (v[k] - mean[k]) * (v[k] - mean[k])).average().orElseThrow());
        }
        ToDoubleFunction<double[]> first = v -> v[0];
        ToDoubleFunction<double[]> prolif = v -> {
            double z = 0;
            for (int g = 1; g < v.length; g++) {
                z += sd[g] > 0 ? (v[g] - mean[g]) / sd[g] : 0;
            }
            return z / Math.max(1, v.length - 1);
        };
        double firstMedian = Quantiles.median(all.stream().mapToDouble(first).toArray());
        double prolifMedian = Quantiles.median(all.stream().mapToDouble(prolif).toArray());
        List<SectionResult> out = new ArrayList<>();
        for (String section : q.sections()) {
            Map<Integer, Boolean> high = new HashMap<>();
            Map<Integer, Boolean> proliferative = new HashMap<>();
            int columns = 0;
            int rows = 0;
            for (String spot : bySpot.get(section).keySet()) {
                String[] xy = spot.split("x");
                columns = Math.max(columns, Integer.parseInt(xy[0]) + 1);
                rows = Math.max(rows, Integer.parseInt(xy[1]) + 1);
            }
            for (Map.Entry<String, double[]> e : bySpot.get(section).entrySet()) {
                String[] xy = e.getKey().split("x");
                int index = Integer.parseInt(xy[1]) * columns + Integer.parseInt(xy[0]);
                high.put(index, first.applyAsDouble(e.getValue()) > firstMedian);
                proliferative.put(index, prolif.applyAsDouble(e.getValue()) > prolifMedian);
            }
            Cartography c = Cartography.of(TRAITS, columns, rows, List.of(high, proliferative));
            Heterogeneity h = c.heterogeneity();
            Optional<Path> map = q.mapSection().filter(section::equals).map(x -> q.mapDir().resolve("heterogeneity_" + section + ".png"));
            SectionResult result = new SectionResult(section, c, h, map);
            if (map.isPresent()) {
                draw(result, q);
            }
            String[] patches = spotPatches(s, section, q.embedding());
            HeterogeneityTable.delete(s, "spot_predictions", patches[0], patches[1], TRAITS);
            HeterogeneityTable.insert(s, "spot_predictions", List.of(), patches[0], patches[1], h, map);
            out.add(result);
        }
        return new Result(genes, out);
    }

    private static void draw(SectionResult r, Request q) throws IOException {
        new HeterogeneityMap(r.cartography(), "HER2ST " + r.section() + ": " + q.gene() + "-high and proliferative spots (predicted), HTI "
                + r.hti()).write(r.map().orElseThrow());
    }

    /** The section's slide and the tiling of its patches under the embedding: the "tiles" of its cartography. */
    private static String[] spotPatches(FeatureStore s, String section, Her2stSpotEmbeddings.Embedding e) throws SQLException {
        try (PreparedStatement p = s.connection().prepareStatement("SELECT DISTINCT slide_id, tiling_id FROM spot_embeddings "
                + "WHERE section = ? AND backbone = ? AND patch_um = ? AND tta = ? AND stain = 'none'")) {
            p.setString(1, section);
            p.setString(2, e.backbone());
            p.setDouble(3, e.patchUm());
            p.setInt(4, e.tta());
            try (ResultSet r = p.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no " + e.backbone() + " patches (" + e.patchUm() + " um, TTA " + e.tta()
                            + ") of section " + section);
                }
                return new String[] {r.getString(1), r.getString(2)};
            }
        }
    }
}
