package org.tessera.extract;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.tessera.regions.RegionImport;
import org.tessera.slide.Slide;
import org.tessera.store.FeatureStore;
import org.tessera.store.GridRecord;
import org.tessera.store.SharpnessCatalogue;
import org.tessera.store.SlideRecord;
import org.tessera.store.TilingCatalogue;
import org.tessera.tiling.Sharpness;
import org.tessera.tiling.Thumbnail;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileGrid;
import org.tessera.tiling.TileRead;
import org.tessera.tiling.TilingPreview;
import org.tessera.tiling.TilingSpec;
import org.tessera.tissue.TissueDetector;
import org.tessera.tissue.TissueMask;

/**
 * A slide's tile grid under a tiling, computed once (thumbnail, tissue mask, grid, each tile's sharpness, preview
 * PNG with blurred tiles marked, coverage by the slide's annotations) and then read from the store: every backbone
 * reuses it. Sharpness reads every kept tile once more than the extraction does (see docs/benchmarks.md).
 */
final class GridBuilder implements TileSource {
    private final FeatureStore store;
    private final TissueDetector detector;
    private final boolean previews;
    private final TilingSpec spec;

    GridBuilder(FeatureStore store, TissueDetector detector, boolean previews, TilingSpec spec) {
        this.store = store;
        this.detector = detector;
        this.previews = previews;
        this.spec = spec;
    }

    @Override
    public String register() throws SQLException {
        return store.tilings().register(spec, tissueMethod(detector));
    }

    @Override
    public int tilePx() {
        return spec.tilePx();
    }

    @Override
    public double mpp() {
        return spec.mpp();
    }

    @Override
    public int variants() {
        return 1;
    }

    @Override
    public String noTilesReason() {
        return "no tile has at least " + spec.minTissue() + " tissue; check the preview in " + store.previewsDir()
                + " or lower --min-tissue";
    }

    @Override
    public Parameters parameters() {
        return new Parameters(spec.tilePx(), spec.mpp(), spec.stridePx(), spec.minTissue(), tissueMethod(detector));
    }

    /** A tissue-grid run's parameters, as recorded in {@code extraction_runs.parameters}. */
    public record Parameters(int tilePx, double mpp, int stridePx, double minTissue, String tissue) {
    }

    /** The tissue method as recorded in the tiling's identity: detector and its options. */
    static String tissueMethod(TissueDetector detector) {
        return "saturation-otsu " + detector.options();
    }

    /** The slide's kept tiles, computing and storing the grid first if needed. Safe on any thread. */
    @Override
    public List<Tile> ensure(SlideRecord record, Slide slide, String tilingId) throws IOException, SQLException {
        try (Connection connection = store.newConnection()) {
            return ensure(connection, store.tilings(connection), record, slide, tilingId);
        }
    }

    private List<Tile> ensure(Connection connection, TilingCatalogue tilings, SlideRecord record, Slide slide, String tilingId)
            throws IOException, SQLException {
        Optional<GridRecord> existing = tilings.grid(record.slideId(), tilingId);
        SharpnessCatalogue sharpness = new SharpnessCatalogue(connection);
        if (existing.isPresent()) {
            List<Tile> tiles = tilings.tiles(record.slideId(), tilingId);
            if (!sharpness.has(record.slideId(), tilingId)) { // a grid made before tile sharpness existed, or a killed run
                sharpness.save(record.slideId(), tilingId, tiles, Sharpness.ofTiles(slide, tiles, spec.mpp() / record.mpp(), spec.tilePx()));
            }
            RegionImport.coverGridIfMissing(connection, record.slideId(), tilingId, tiles);
            return tiles;
        }
        Thumbnail thumb = Thumbnail.read(slide, detector.options().thumbnailMaxSide());
        TissueMask mask = detector.detect(thumb.image(), thumb.downsample());
        TileGrid grid = TileGrid.plan(slide.levelDimensions(0), record.mpp(), spec, mask);
        double[] sharp = Sharpness.ofTiles(slide, grid.tiles(), grid.scale(), spec.tilePx());
        Optional<String> preview = Optional.empty();
        if (previews) {
            Path png = store.previewsDir().resolve(record.name() + "-" + record.slideId() + "-" + tilingId + ".png");
            java.util.Set<Integer> blurred = new java.util.HashSet<>();
            for (int i = 0; i < sharp.length; i++) {
                if (sharp[i] < Sharpness.DEFAULT_MIN) {
                    blurred.add(grid.tiles().get(i).index());
                }
            }
            TilingPreview.write(png, thumb.image(), thumb.downsample(), mask, grid, blurred::contains);
            preview = Optional.of(store.relativize(png));
        }
        int readLevel = slide.bestLevelForDownsample(grid.scale() * (1 + TileRead.LEVEL_TOLERANCE));
        tilings.save(new GridRecord(record.slideId(), tilingId, grid.columns(), grid.rows(), grid.tiles().size(),
                mask.tissueFraction(), readLevel, preview), grid.tiles());
        sharpness.save(record.slideId(), tilingId, grid.tiles(), sharp);
        RegionImport.coverGrid(connection, record.slideId(), tilingId, grid.tiles());
        return grid.tiles();
    }
}
