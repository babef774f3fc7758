package org.tessera.extract;

import java.io.IOException;
import java.nio.file.Files;
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
import org.tessera.tiling.TilingSpec;
import org.tessera.tissue.TissueDetector;
import org.tessera.tissue.TissueMask;

/**
 * A slide's tile grid under a tiling, computed once (thumbnail, tissue mask, grid, coverage by the slide's
 * annotations, each tile's sharpness, preview PNG with blurred tiles marked) and then read from the store: every
 * backbone reuses it. Sharpness is measured on the tiles as the extraction reads them ({@link GridSharpness}),
 * except for a selection that needs it before reading ({@link #ensureMeasured}).
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

    /**
     * The slide's kept tiles, computing and storing the grid first if needed; a grid whose sharpness is not yet
     * stored comes with a {@link GridSharpness} for the readers to fill (every kept tile is read). Safe on any thread.
     */
    @Override
    public Planned ensure(SlideRecord record, Slide slide, String tilingId) throws IOException, SQLException {
        return plan(record, slide, tilingId, true);
    }

    /**
     * The slide's kept tiles with their sharpness stored before they are returned (each tile read once more when it
     * is not yet): for a selection that filters on sharpness, or reads only some of the tiles.
     */
    List<Tile> ensureMeasured(SlideRecord record, Slide slide, String tilingId) throws IOException, SQLException {
        return plan(record, slide, tilingId, false).tiles();
    }

    private Planned plan(SlideRecord record, Slide slide, String tilingId, boolean defer) throws IOException, SQLException {
        try (Connection connection = store.newConnection()) {
            TilingCatalogue tilings = store.tilings(connection);
            Optional<GridRecord> existing = tilings.grid(record.slideId(), tilingId);
            if (existing.isPresent()) {
                List<Tile> tiles = tilings.tiles(record.slideId(), tilingId);
                RegionImport.coverGridIfMissing(connection, record.slideId(), tilingId, tiles);
                if (tiles.isEmpty() || new SharpnessCatalogue(connection).has(record.slideId(), tilingId)) {
                    return new Planned(tiles, Optional.empty());
                }
                // A grid made before tile sharpness existed, or a run stopped before its slide's last tile was read
                // (which also leaves the preview unwritten).
                Optional<Path> png = existing.get().previewPath().map(store::resolve).filter(p -> !Files.exists(p));
                Optional<GridSharpness.Preview> preview = png.isEmpty() ? Optional.empty() : Optional.of(layout(record, slide).preview(png.get()));
                return measure(record, slide, tilingId, tiles, preview, defer);
            }
            Layout layout = layout(record, slide);
            TileGrid grid = layout.grid();
            Optional<Path> png = previews
                    ? Optional.of(store.previewsDir().resolve(record.name() + "-" + record.slideId() + "-" + tilingId + ".png"))
                    : Optional.empty();
            int readLevel = slide.bestLevelForDownsample(grid.scale() * (1 + TileRead.LEVEL_TOLERANCE));
            tilings.save(new GridRecord(record.slideId(), tilingId, grid.columns(), grid.rows(), grid.tiles().size(),
                    layout.mask().tissueFraction(), readLevel, png.map(store::relativize)), grid.tiles());
            RegionImport.coverGrid(connection, record.slideId(), tilingId, grid.tiles());
            return measure(record, slide, tilingId, grid.tiles(), png.map(layout::preview), defer);
        }
    }

    /** The tiles, their sharpness left to the readers ({@code defer}) or measured and stored now, with the preview. */
    private Planned measure(SlideRecord record, Slide slide, String tilingId, List<Tile> tiles, Optional<GridSharpness.Preview> preview,
            boolean defer) throws IOException, SQLException {
        if (defer && !tiles.isEmpty()) {
            return new Planned(tiles, Optional.of(new GridSharpness(store, record.slideId(), tilingId, tiles, preview)));
        }
        double[] values = Sharpness.ofTiles(slide, tiles, spec.mpp() / record.mpp(), spec.tilePx());
        GridSharpness.save(store, record.slideId(), tilingId, tiles, values, preview);
        return new Planned(tiles, Optional.empty());
    }

    /** The thumbnail, its tissue mask and the grid planned on them: what a grid is made from and its preview drawn on. */
    private record Layout(Thumbnail thumbnail, TissueMask mask, TileGrid grid) {
        GridSharpness.Preview preview(Path png) {
            return new GridSharpness.Preview(png, thumbnail, mask, grid);
        }
    }

    /** The slide's layout, computed (again, for an existing grid's missing preview: the same thumbnail, mask and grid). */
    private Layout layout(SlideRecord record, Slide slide) throws IOException {
        Thumbnail thumb = Thumbnail.read(slide, detector.options().thumbnailMaxSide());
        TissueMask mask = detector.detect(thumb.image(), thumb.downsample());
        return new Layout(thumb, mask, TileGrid.plan(slide.levelDimensions(0), record.mpp(), spec, mask));
    }
}
