package org.tessera.regions;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.tessera.backbone.Sha256;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Tile;

/**
 * Stores a file's annotations for a slide and recomputes the slide's tile coverage, in one transaction. Importing
 * a file of the same name again replaces its annotations and the coverage; embeddings are never touched, so a
 * changed annotation only changes which tiles feature sets and {@code extract --region} select.
 */
public final class RegionImport {
    /** What an import stored: the slide, how many annotations by class, what was skipped, grids covered. */
    public record Outcome(SlideRecord slide, String source, Map<String, Long> annotationsByClass, List<String> skipped,
            int grids, long tileRegions) {
        public Outcome {
            annotationsByClass = Map.copyOf(annotationsByClass);
            skipped = List.copyOf(skipped);
        }
    }

    private RegionImport() {
    }

    /** A QuPath GeoJSON export for the slide named by id or name. */
    public static Outcome geoJson(FeatureStore store, Path file, String slide) throws IOException, SQLException {
        SlideRecord record = SlideLookup.find(store, slide, file.toString());
        ParsedAnnotations parsed = GeoJsonAnnotations.read(file, new SlideBounds(record.width(), record.height()));
        if (parsed.annotations().isEmpty()) {
            throw new AnnotationException(file + ": no annotation with an area"
                    + (parsed.skipped().isEmpty() ? "" : " (skipped: " + String.join("; ", parsed.skipped()) + ")"));
        }
        return store(store, record, file.getFileName().toString(), "geojson", Sha256.of(file), parsed.annotations(), parsed.skipped());
    }

    /**
     * A label-mask image for the slide: pixel (i, j) covers level-0 [i*d, (i+1)*d) x [j*d, (j+1)*d) for downsample d;
     * {@code classes} maps pixel values to class names.
     */
    public static Outcome labelMask(FeatureStore store, Path file, String slide, double downsample, Map<Integer, String> classes)
            throws IOException, SQLException {
        SlideRecord record = SlideLookup.find(store, slide, file.toString());
        ParsedAnnotations parsed = LabelMaskAnnotations.read(file, downsample, classes,
                new SlideBounds(record.width(), record.height()));
        return store(store, record, file.getFileName().toString(), "label-mask", Sha256.of(file), parsed.annotations(), parsed.skipped());
    }

    /** Stores annotations made by Tessera itself (e.g. TMA cores) under {@code source}. */
    public static Outcome store(FeatureStore store, SlideRecord slide, String source, String format, String sha256,
            List<Annotation> annotations, List<String> skipped) throws SQLException {
        long[] regions = {0};
        int[] grids = {0};
        store.inTransaction(c -> {
            AnnotationCatalogue catalogue = new AnnotationCatalogue(c);
            catalogue.replace(slide.slideId(), source, format, sha256, annotations);
            List<Annotation> all = catalogue.of(slide.slideId());
            for (String tiling : catalogue.tilings(slide.slideId())) {
                List<Tile> tiles = store.tilings(c).tiles(slide.slideId(), tiling);
                List<TileRegion> covered = Coverage.of(all, tiles);
                catalogue.replaceCoverage(slide.slideId(), tiling, covered);
                regions[0] += covered.size();
                grids[0]++;
            }
        });
        Map<String, Long> byClass = new java.util.TreeMap<>();
        annotations.forEach(a -> byClass.merge(a.className(), 1L, Long::sum));
        return new Outcome(slide, source, byClass, skipped, grids[0], regions[0]);
    }

    /**
     * Computes a new grid's coverage from the slide's stored annotations (nothing when it has none), inside the
     * caller's transaction or on its own connection. Called when a grid is made.
     */
    public static void coverGrid(Connection connection, String slideId, String tilingId, List<Tile> tiles) throws SQLException {
        AnnotationCatalogue catalogue = new AnnotationCatalogue(connection);
        List<Annotation> all = catalogue.of(slideId);
        if (!all.isEmpty()) {
            catalogue.replaceCoverage(slideId, tilingId, Coverage.of(all, tiles));
        }
    }

    /**
     * {@link #coverGrid} for an existing grid that has no coverage rows although its slide has annotations (a run
     * killed between making the grid and covering it); nothing otherwise.
     */
    public static void coverGridIfMissing(Connection connection, String slideId, String tilingId, List<Tile> tiles)
            throws SQLException {
        if (!new AnnotationCatalogue(connection).hasCoverage(slideId, tilingId)) {
            coverGrid(connection, slideId, tilingId, tiles);
        }
    }
}
