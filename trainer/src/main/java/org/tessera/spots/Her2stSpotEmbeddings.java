package org.tessera.spots;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tessera.backbone.BackboneCard;
import org.tessera.extract.BackboneRegistry;
import org.tessera.extract.ExtractionOptions;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.Extractor;
import org.tessera.extract.Progress;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.SpotPatchSpec;

/**
 * Spot patches of the HER2ST sections ({@link org.tessera.spatial.Her2st}) embedded for the demo and the spot
 * benchmark: one {@link Embedding} (backbone, patch side, TTA, Macenko or not; patches at 0.5 um/px) at a time,
 * everything already stored reused.
 */
public final class Her2stSpotEmbeddings {
    /** The built-in 12-number colour baseline's backbone name. */
    public static final String COLOUR = "colour_baseline";

    private Her2stSpotEmbeddings() {
    }

    /** One spot embedding to have: backbone, patch side, TTA and Macenko or not (patches at 0.5 um/px). */
    public record Embedding(String backbone, double patchUm, int tta, boolean macenko) {
        public static Embedding of(String backbone, double patchUm, int tta) {
            return new Embedding(backbone, patchUm, tta, false);
        }

        /** The feature set {@code spots} with this embedding's parameters. */
        public SpotStore.Source source(FeatureStore store) throws SQLException {
            Map<String, String> p = new HashMap<>(Map.of("backbone", backbone, "patch_um", Double.toString(patchUm), "tta",
                    Integer.toString(tta)));
            if (macenko) {
                p.put("stain", stainOf(store));
            }
            return new SpotStore.Source(FeatureSet.named("spots", Pooling.NONE), p);
        }

        private String stainOf(FeatureStore store) throws SQLException {
            try (Statement s = store.connection().createStatement(); ResultSet r = s.executeQuery(
                    "SELECT DISTINCT stain FROM spot_embeddings WHERE stain <> 'none' AND backbone = '" + backbone.replace("'", "''") + "'")) {
                if (!r.next()) {
                    throw new IllegalStateException("no stain-normalised spot embeddings of " + backbone);
                }
                return r.getString(1);
            }
        }
    }

    /**
     * Embeds the spot patches of every imported section with {@code e} (registering its backbone from
     * {@code shared/models} first); a failed section is an error.
     */
    public static ExtractionReport embed(FeatureStore s, Path shared, Embedding e, Consumer<Progress> progress) throws Exception {
        if (!e.backbone().equals(COLOUR)) {
            BackboneCard card = BackboneCard.builtin(e.backbone());
            BackboneRegistry.add(s, card, card.modelIn(shared.resolve("models")));
        }
        ExtractionOptions o = ExtractionOptions.defaults(e.backbone()).withMacenko(e.macenko()).withPreviews(false);
        ExtractionReport report = Extractor.forSpots(s, o, new SpotPatchSpec(e.patchUm(), 0.5, e.tta())).run(sectionSlides(s), progress);
        if (!report.failures().isEmpty()) {
            throw new IllegalStateException("spot extraction failed: " + report.failures());
        }
        return report;
    }

    private static List<SlideRecord> sectionSlides(FeatureStore s) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = s.connection().createStatement();
                ResultSet r = st.executeQuery("SELECT DISTINCT slide_id FROM st_sections WHERE slide_id IS NOT NULL ORDER BY 1")) {
            while (r.next()) {
                ids.add("'" + r.getString(1).replace("'", "''") + "'");
            }
        }
        return s.slides().select("SELECT slide_id FROM slides WHERE slide_id IN (" + String.join(", ", ids) + ")");
    }
}
