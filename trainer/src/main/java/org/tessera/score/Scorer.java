package org.tessera.score;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.tessera.bundle.Bundle;
import org.tessera.extract.ExtractionOptions;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.Extractor;
import org.tessera.extract.Progress;
import org.tessera.featureset.FeatureMatrices;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.featureset.FeatureSetException;
import org.tessera.store.FeatureKey;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;

/**
 * Applies a bundle to the selected slides of a store, producing slide-level predictions.
 *
 * <p>What is refused, and why: the bundle's features are embeddings of one backbone's weights with one
 * preprocessing, cut by one tiling, after one stain normalisation. If the store's backbone of the bundle's
 * name is missing or has other weights or preprocessing, scoring refuses (naming both sha256s or the
 * differing card field): its embeddings are not the bundle's features, and a silent re-point would give
 * plausible-looking nonsense. Slides embedded only under another tiling or stain are not refused but
 * embedded again under the bundle's (every tile of that tiling once; slides already embedded under it cost
 * no inference), unless extraction is off, when they are refused by name. The bundle's tiling is reproduced
 * only if this Tessera's tissue method gives the same tiling id, and its stain only if this Tessera's
 * normalisation has the same parameters; otherwise scoring refuses rather than approximate.
 *
 * <p>Bundles are slide-level (aggregate and per-gene ridge on pooled features): one prediction per slide and
 * gene. A feature set that returns tile rows is refused. Because the heads are linear, tile-level maps of a
 * mean-pooled bundle would be {@code W} applied to each tile; they are not produced here.
 */
public final class Scorer {
    private static final int NAMES_SHOWN = 5;

    private Scorer() {
    }

    /** As {@link #score(FeatureStore, Bundle, String, ScoreOptions, Consumer)}, without progress reports. */
    public static ScoreReport score(FeatureStore store, Bundle bundle, String slideQuery, ScoreOptions options)
            throws ScoreException, IOException, SQLException, InterruptedException {
        return score(store, bundle, slideQuery, options, p -> { });
    }

    /**
     * Scores the slides whose ids {@code slideQuery} returns (e.g. {@code SELECT slide_id FROM slides}).
     *
     * @param progress told about any extraction the run needs
     * @throws ScoreException when the store cannot give the bundle its features (see the class comment)
     */
    public static ScoreReport score(FeatureStore store, Bundle bundle, String slideQuery, ScoreOptions options,
            Consumer<Progress> progress) throws ScoreException, IOException, SQLException, InterruptedException {
        long start = System.nanoTime();
        if (store.isReadOnly()) {
            throw new ScoreException(store.root() + ": opened read-only; scoring writes predictions to the store");
        }
        String weights = Compatibility.backbone(store, bundle).weightsSha256();
        List<SlideRecord> slides;
        try {
            slides = store.slides().select(slideQuery);
        } catch (SQLException e) {
            throw new ScoreException("the slide selection failed: " + e.getMessage() + " (query: " + slideQuery + ")", e);
        }
        if (slides.isEmpty()) {
            throw new ScoreException("the slide selection returned no slides of the store " + store.root() + " (query: "
                    + slideQuery + ")");
        }
        String tilingId = bundle.tiling().tilingId();
        List<SlideRecord> missing = new ArrayList<>();
        for (SlideRecord s : slides) {
            if (!store.embeddings().exists(new FeatureKey(s.slideId(), tilingId, weights, bundle.stain()))) {
                missing.add(s);
            }
        }
        Map<String, ScoreReport.Unscored> unscored = new LinkedHashMap<>();
        int extracted = 0;
        long tiles = 0;
        if (!missing.isEmpty()) {
            if (!options.extractMissing()) {
                throw notEmbedded(store, bundle, missing, slides.size());
            }
            ExtractionReport report = extract(store, bundle, options, missing, progress);
            extracted = report.slidesExtracted();
            tiles = report.tilesEmbedded();
            Map<String, SlideRecord> byPath = new LinkedHashMap<>();
            missing.forEach(s -> byPath.put(s.path(), s));
            for (ExtractionReport.Failure f : report.failures()) {
                SlideRecord s = byPath.get(f.slide());
                String id = s == null ? f.slide() : s.slideId();
                unscored.put(id, new ScoreReport.Unscored(id, f.slide(), "extraction failed: " + f.error()));
            }
        }
        FeatureMatrix x = features(store, bundle, slides);
        Set<String> scored = new HashSet<>();
        x.slideIds().forEach(u -> scored.add(slideOf(u)));
        for (SlideRecord s : slides) {
            if (!scored.contains(s.slideId()) && !unscored.containsKey(s.slideId())) {
                unscored.put(s.slideId(), new ScoreReport.Unscored(s.slideId(), s.path(), "feature set '"
                        + bundle.featureSet().name() + "' returned no row for it"));
            }
        }
        long rows = 0;
        String bundleId = bundle.id();
        if (x.rows() > 0) {
            double[][] predicted;
            try {
                predicted = bundle.weights().predict(x);
            } catch (IllegalArgumentException e) {
                throw new ScoreException("feature set '" + bundle.featureSet().name() + "' does not fit the bundle: " + e.getMessage(), e);
            }
            rows = PredictionTable.write(store, bundle, bundleId, bundle.manifestJson(), x, predicted);
        }
        if (options.out().isPresent()) {
            PredictionTable.export(store, bundleId, x.slideIds(), options.out().get(), options.format());
        }
        return new ScoreReport(bundleId, slides.size(), x.rows(), extracted, tiles, new ArrayList<>(unscored.values()),
                bundle.genes().size(), rows, options.out(), (System.nanoTime() - start) / 1e9);
    }

    /** Embeds the missing slides under the bundle's backbone, tiling and stain, after checking both are reproducible. */
    private static ExtractionReport extract(FeatureStore store, Bundle bundle, ScoreOptions options, List<SlideRecord> missing,
            Consumer<Progress> progress) throws ScoreException, IOException, SQLException, InterruptedException {
        ExtractionOptions eo = ExtractionOptions.defaults(bundle.backbone().name()).withTiling(bundle.tiling().spec())
                .withMacenko(!bundle.stain().equals("none")).withDevice(options.device()).withBatchSize(options.batchSize());
        Extractor extractor = new Extractor(store, eo);
        String tilingId = extractor.tilingId();
        if (!tilingId.equals(bundle.tiling().tilingId())) {
            throw new ScoreException("the bundle's tiling " + bundle.tiling().tilingId() + " used tissue method '"
                    + bundle.tiling().tissueMethod() + "'; this Tessera's tissue method gives tiling " + tilingId
                    + " for the same spec, so " + missing.size() + " slide(s) without embeddings under the bundle's tiling "
                    + "cannot be embedded identically (e.g. " + names(missing) + ")");
        }
        if (!extractor.stain().equals(bundle.stain())) {
            throw new ScoreException("the bundle's stain normalisation is '" + bundle.stain() + "' but this Tessera's is '"
                    + extractor.stain() + "'; slides without embeddings cannot be normalised identically (e.g. "
                    + names(missing) + ")");
        }
        return extractor.run(missing, progress);
    }

    /** The refusal when extraction is off, saying which tilings the slides are embedded under instead. */
    private static ScoreException notEmbedded(FeatureStore store, Bundle bundle, List<SlideRecord> missing, int selected)
            throws SQLException {
        Set<String> others = new TreeSet<>();
        Set<String> ids = new HashSet<>();
        missing.forEach(s -> ids.add(s.slideId()));
        try (PreparedStatement p = store.connection().prepareStatement(
                "SELECT DISTINCT slide_id, tiling_id, stain FROM embedding_sets WHERE weights_sha256 = ?")) {
            p.setString(1, bundle.backbone().weightsSha256());
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    if (ids.contains(r.getString(1))) {
                        others.add("tiling " + r.getString(2) + " stain " + r.getString(3));
                    }
                }
            }
        }
        return new ScoreException(missing.size() + " of " + selected + " selected slides have no embeddings under the bundle's "
                + "backbone '" + bundle.backbone().name() + "', tiling " + bundle.tiling().tilingId() + " ("
                + bundle.tiling().spec().key() + ") and stain '" + bundle.stain() + "': " + names(missing)
                + (others.isEmpty() ? "" : "; they are embedded under " + others) + ". Allow extraction to embed them");
    }

    private static String names(List<SlideRecord> slides) {
        List<String> shown = slides.stream().limit(NAMES_SHOWN).map(SlideRecord::name).toList();
        return String.join(", ", shown) + (slides.size() > NAMES_SHOWN ? " and " + (slides.size() - NAMES_SHOWN) + " more" : "");
    }

    /**
     * The slide a feature set's unit belongs to: the unit itself, or SLIDE for a unit 'SLIDE:PART' (a TMA core of the
     * feature set tma_cores, scored per core under its patient). Slide ids never hold ':'.
     */
    static String slideOf(String unit) {
        int colon = unit.indexOf(':');
        return colon < 0 ? unit : unit.substring(0, colon);
    }

    /** The bundle's feature set over exactly the bundle's embeddings of the selected slides. */
    private static FeatureMatrix features(FeatureStore store, Bundle bundle, List<SlideRecord> slides)
            throws ScoreException, SQLException {
        List<String> ids = slides.stream().map(SlideRecord::slideId).toList();
        FeatureMatrix x;
        ScopedViews scope = ScopedViews.open(store.connection(), ids, bundle.backbone().name(), bundle.tiling().tilingId(),
                bundle.stain());
        try (BufferAllocator allocator = new RootAllocator()) {
            x = FeatureMatrices.read(store, bundle.featureSet().featureSet(), bundle.featureSet().parameters(), allocator);
        } catch (FeatureSetException e) {
            throw new ScoreException(e.getMessage(), e);
        } finally {
            scope.close();
        }
        if (x.isTileLevel()) {
            throw new ScoreException("feature set '" + bundle.featureSet().name() + "' returns one row per tile (it has a "
                    + "tile_index column and pooling NONE); bundles predict per slide, so its rows must be pooled");
        }
        Set<String> wanted = new HashSet<>(ids);
        int[] keep = java.util.stream.IntStream.range(0, x.rows()).filter(i -> wanted.contains(slideOf(x.slideId(i)))).toArray();
        return keep.length == x.rows() ? x : x.select(keep);
    }
}
