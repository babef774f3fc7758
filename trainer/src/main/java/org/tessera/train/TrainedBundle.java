package org.tessera.train;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tessera.backbone.BackboneException;
import org.tessera.bundle.BackboneProvenance;
import org.tessera.bundle.Bundle;
import org.tessera.bundle.FeatureSetProvenance;
import org.tessera.bundle.LinearWeights;
import org.tessera.bundle.TilingProvenance;
import org.tessera.heads.GeneMetric;
import org.tessera.splits.Split;
import org.tessera.store.FeatureStore;

/**
 * Where a run's bundle comes from: the backbone is the feature set's {@code backbone} parameter, and the
 * tiling and stain are the single ones under which the store holds that backbone's embeddings (or the one
 * named, when there are several). Resolved before training, so an ambiguous store fails fast.
 *
 * @param backbone the backbone's provenance, from its stored card
 * @param tiling   the tiling's provenance
 * @param stain    the stain of the embeddings, as the store records it
 */
public record TrainedBundle(BackboneProvenance backbone, TilingProvenance tiling, String stain) {

    /**
     * Resolves the provenance of a run's bundle.
     *
     * @throws IllegalArgumentException if the feature set has no {@code backbone} parameter, the backbone has no
     *                                  embeddings, or there are several tilings or stains and none was chosen
     */
    public static TrainedBundle resolve(FeatureStore store, Training.Options o, Optional<String> tilingId)
            throws SQLException, BackboneException {
        String name = o.parameters().get("backbone");
        if (name == null) {
            throw new IllegalArgumentException("a bundle needs the feature set's 'backbone' parameter (--param backbone=NAME), got "
                    + o.parameters().keySet());
        }
        BackboneProvenance backbone = BackboneProvenance.fromStore(store, name);
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement p = store.connection().prepareStatement("SELECT DISTINCT tiling_id, stain FROM embedding_sets "
                + "WHERE weights_sha256 = ? ORDER BY ALL")) {
            p.setString(1, backbone.weightsSha256());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    found.add(new String[] {r.getString(1), r.getString(2)});
                }
            }
        }
        List<String[]> chosen = tilingId.map(t -> found.stream().filter(f -> f[0].equals(t)).toList()).orElse(found);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("the store has no embeddings of backbone '" + name + "'"
                    + tilingId.map(t -> " under tiling " + t).orElse("") + "; tilings with its embeddings: "
                    + found.stream().map(f -> f[0]).distinct().toList());
        }
        if (chosen.size() > 1) {
            throw new IllegalArgumentException("backbone '" + name + "' has embeddings under several tilings or stains "
                    + chosen.stream().map(f -> f[0] + " (stain " + f[1] + ")").toList() + ": choose one with --tiling ID "
                    + "and a feature set that selects only it");
        }
        return new TrainedBundle(backbone, TilingProvenance.fromStore(store, chosen.get(0)[0]), chosen.get(0)[1]);
    }

    /** The bundle of {@code weights} (the head refitted on the run's pool), with the run's split and summary metrics. */
    public Bundle bundle(LinearHead head, Training.Options o, Split split, Training.Report report, LinearWeights weights) {
        return Bundle.of(head.kind(), backbone, tiling, stain, FeatureSetProvenance.of(o.featureSet(), o.parameters()), List.of(),
                Optional.of(split), metrics(report), weights);
    }

    /**
     * Summary numbers: validation medians over genes (Spearman rho, R2) and over units (Spearman across
     * genes), genes selected and confirmed, and with a test set the test units and their median.
     */
    static Map<String, Double> metrics(Training.Report r) {
        Map<String, Double> m = new TreeMap<>();
        m.put("validation_median_gene_spearman_rho", org.tessera.stats.Quantiles.medianIgnoringNaN(r.metrics().stream().mapToDouble(GeneMetric::spearmanRho).toArray()));
        m.put("validation_median_gene_r2", org.tessera.stats.Quantiles.medianIgnoringNaN(r.metrics().stream().mapToDouble(GeneMetric::r2).toArray()));
        m.put("validation_median_unit_spearman_rho", r.medianUnitSpearman(UnitResult.VALIDATION));
        m.put("genes_selected", (double) r.selected());
        m.put("units", (double) r.patients());
        if (r.testUnits() > 0) {
            m.put("test_units", (double) r.testUnits());
            m.put("genes_confirmed", (double) r.confirmed());
            m.put("test_median_unit_spearman_rho", r.medianUnitSpearman(UnitResult.TEST));
        }
        return m;
    }
}
