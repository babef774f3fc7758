package org.tessera.extract;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.tessera.slide.Slide;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;
import org.tessera.store.SpotPatchCatalogue;
import org.tessera.tiling.SpotCentre;
import org.tessera.tiling.SpotPatchSpec;
import org.tessera.tiling.SpotPatches;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileRead;

/**
 * Tiles centred on the spots of the spatial transcriptomics sections whose image is the slide (tables
 * {@code st_sections}, {@code spots}), cut once per slide x spec and then read from the store.
 */
final class SpotSource implements TileSource {
    private final FeatureStore store;
    private final SpotPatchSpec spec;

    SpotSource(FeatureStore store, SpotPatchSpec spec) {
        this.store = store;
        this.spec = spec;
    }

    @Override
    public String register() throws SQLException {
        return store.spotPatches().register(spec);
    }

    @Override
    public Planned ensure(SlideRecord record, Slide slide, String tilingId) throws IOException, SQLException {
        return Planned.of(patches(record, slide, tilingId));
    }

    private List<Tile> patches(SlideRecord record, Slide slide, String tilingId) throws IOException, SQLException {
        try (Connection connection = store.newConnection()) {
            if (store.tilings(connection).grid(record.slideId(), tilingId).isPresent()) {
                return store.tilings(connection).tiles(record.slideId(), tilingId);
            }
            SpotPatchCatalogue patches = store.spotPatches(connection);
            List<SpotCentre> spots = patches.centres(record.slideId());
            List<Tile> tiles = SpotPatches.plan(spots, slide.levelDimensions(0), record.mpp(), spec);
            if (tiles.isEmpty()) {
                return tiles; // nothing stored: spots imported later are picked up by the next run
            }
            double scale = spec.mpp() / record.mpp();
            int readLevel = slide.bestLevelForDownsample(scale * (1 + TileRead.LEVEL_TOLERANCE));
            patches.save(record.slideId(), tilingId, readLevel, spots, tiles);
            return tiles;
        }
    }

    @Override
    public int tilePx() {
        return spec.patchPx();
    }

    @Override
    public double mpp() {
        return spec.mpp();
    }

    @Override
    public int variants() {
        return spec.tta();
    }

    @Override
    public String noTilesReason() {
        return "no spot of a section in st_sections has this slide as its image";
    }

    @Override
    public Parameters parameters() {
        return new Parameters(true, spec.patchUm(), spec.mpp(), spec.patchPx(), spec.tta(), SpotPatchSpec.TISSUE_METHOD);
    }

    /** A spot-patch run's parameters, as recorded in {@code extraction_runs.parameters}. */
    public record Parameters(boolean spots, double patchUm, double mpp, int patchPx, int tta, String tissue) {
    }
}
