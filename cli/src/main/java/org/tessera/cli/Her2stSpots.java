package org.tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.tessera.backbone.BackboneCard;
import org.tessera.extract.BackboneRegistry;
import org.tessera.extract.ExtractionOptions;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.Extractor;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.spatial.Normalisation;
import org.tessera.spatial.StImport;
import org.tessera.spots.SpotStore;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.SpotPatchSpec;

/**
 * The HER2ST sections of ../shared in a store, for the demo and the spot benchmark: the six sections imported
 * (log1p CP10k; images at the demo's 0.69 um/px, patients HER2ST-B and HER2ST-C) and their spot patches embedded
 * with the requested backbones and specs. Everything already stored is reused.
 */
final class Her2stSpots {
    static final List<String> SECTIONS = List.of("B4", "C2", "C3", "C4", "C5", "C6");
    static final List<String> PATIENT_C = List.of("C2", "C3", "C4", "C5", "C6");
    static final String COLOUR = "colour_baseline";

    /** One spot embedding to have: backbone, patch side, TTA and Macenko or not (patches at 0.5 um/px). */
    record Embedding(String backbone, double patchUm, int tta, boolean macenko) {
        static Embedding of(String backbone, double patchUm, int tta) {
            return new Embedding(backbone, patchUm, tta, false);
        }

        /** The feature set {@code spots} with this embedding's parameters. */
        SpotStore.Source source(FeatureStore store) throws SQLException {
            Map<String, String> p = new java.util.HashMap<>(Map.of("backbone", backbone, "patch_um", Double.toString(patchUm), "tta",
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

    private Her2stSpots() {
    }

    /** Imports the sections not yet in the store. */
    static void importSections(FeatureStore s, Path shared, PrintWriter out) throws Exception {
        Set<String> present = new HashSet<>();
        try (Statement st = s.connection().createStatement(); ResultSet r = st.executeQuery("SELECT section FROM st_sections")) {
            while (r.next()) {
                present.add(r.getString(1));
            }
        }
        for (String section : SECTIONS) {
            if (present.contains(section)) {
                continue;
            }
            Path dir = shared.resolve("her2st");
            StImport.Result r = StImport.run(s, StImport.Source.legacy(section, dir.resolve("counts/" + section + ".tsv.gz"),
                    dir.resolve("spots/" + section + "_selection.tsv")), new StImport.Options(Normalisation.CP10K_LOG1P,
                    OptionalDouble.of(DemoCommand.HER2ST_MPP), StImport.Options.HER2ST_PITCH_UM, Optional.of(dir.resolve("images/" + section + ".jpg")),
                    Optional.of("HER2ST-" + section.charAt(0)), Optional.of("HER2ST")));
            out.printf("imported HER2ST %s: %d spots, %d genes, median %.0f UMIs per spot%n", section, r.spots(), r.genes(), r.medianLibrarySize());
        }
    }

    /** Embeds the spot patches of every section with each embedding (nothing is recomputed). */
    static void embed(FeatureStore s, Path shared, List<Embedding> embeddings, PrintWriter out, PrintWriter err) throws Exception {
        List<SlideRecord> slides = sectionSlides(s);
        for (Embedding e : embeddings) {
            if (!e.backbone().equals(COLOUR)) {
                BackboneCard card = BackboneCard.builtin(e.backbone());
                BackboneRegistry.add(s, card, card.modelIn(shared.resolve("models")));
            }
            ExtractionOptions d = ExtractionOptions.defaults(e.backbone());
            ExtractionOptions o = d.withMacenko(e.macenko()).withPreviews(false);
            ProgressBar bar = new ProgressBar(err);
            ExtractionReport report = Extractor.forSpots(s, o, new SpotPatchSpec(e.patchUm(), 0.5, e.tta())).run(slides, bar);
            bar.finish();
            out.printf("spot patches %s, %.0f um, tta %d%s: %d embedded in %.1f s, %d already stored%n", e.backbone(), e.patchUm(), e.tta(),
                    e.macenko() ? ", Macenko" : "", report.tilesEmbedded(), report.seconds(), report.slidesSkipped());
            if (!report.failures().isEmpty()) {
                throw new IllegalStateException("spot extraction failed: " + report.failures());
            }
        }
    }

    private static List<SlideRecord> sectionSlides(FeatureStore s) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement st = s.connection().createStatement();
                ResultSet r = st.executeQuery("SELECT DISTINCT slide_id FROM st_sections WHERE slide_id IS NOT NULL ORDER BY 1")) {
            while (r.next()) {
                ids.add("'" + r.getString(1) + "'");
            }
        }
        return s.slides().select("SELECT slide_id FROM slides WHERE slide_id IN (" + String.join(", ", ids) + ")");
    }
}
