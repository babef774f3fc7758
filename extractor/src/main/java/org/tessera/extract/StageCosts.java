package org.tessera.extract;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.tessera.backbone.TilePreprocessor;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Sharpness;
import org.tessera.tiling.Thumbnail;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileGrid;
import org.tessera.tiling.TileRead;
import org.tessera.tiling.TileResampler;
import org.tessera.tiling.TilingPreview;
import org.tessera.tiling.TilingSpec;
import org.tessera.tissue.TissueDetector;
import org.tessera.tissue.TissueMask;

/**
 * Where the CPU outside inference goes for one slide: each stage of the pipeline run alone on this thread and
 * timed by the thread's CPU clock (not the wall clock, so the figures hold on a loaded machine). The stages are
 * the pipeline's own calls, in its order: open and decode, thumbnail, tissue detection, grid, preview PNG, then
 * for every tile the region read, the resampling, the sharpness and the preprocessing.
 */
final class StageCosts {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StageCosts() {
    }

    /** CPU seconds by stage, in pipeline order, for {@code record} under {@code spec}; "tiles" is the tile count. */
    static Map<String, Double> of(SlideRecord record, TilingSpec spec, TilePreprocessor preprocessor, Path workDir) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        OptionalDouble mpp = record.mppSource().equals("user") ? OptionalDouble.of(record.mpp()) : OptionalDouble.empty();
        long t = THREADS.getCurrentThreadCpuTime();
        try (Slide slide = Slides.open(Path.of(record.path()), mpp)) {
            slide.readRegion(0, 0, 0, 1, 1); // a plain image is decoded on its first read
            t = lap(out, "open and decode", t);
            TissueDetector detector = new TissueDetector();
            Thumbnail thumb = Thumbnail.read(slide, detector.options().thumbnailMaxSide());
            t = lap(out, "thumbnail", t);
            TissueMask mask = detector.detect(thumb.image(), thumb.downsample());
            t = lap(out, "tissue detection", t);
            TileGrid grid = TileGrid.plan(slide.levelDimensions(0), record.mpp(), spec, mask);
            t = lap(out, "tile grid", t);
            Path png = Files.createTempFile(workDir, "preview-", ".png");
            try {
                TilingPreview.write(png, thumb.image(), thumb.downsample(), mask, grid);
            } finally {
                Files.deleteIfExists(png);
            }
            t = lap(out, "preview PNG", t);
            float[] floats = new float[preprocessor.floatsPerTile()];
            long read = 0;
            long resample = 0;
            long sharpness = 0;
            long preprocess = 0;
            double scale = spec.mpp() / record.mpp();
            for (Tile tile : grid.tiles()) {
                TileRead plan = TileRead.plan(tile, scale, slide);
                BufferedImage region = slide.readRegion(plan.x(), plan.y(), plan.level(), plan.width(), plan.height());
                long a = THREADS.getCurrentThreadCpuTime();
                BufferedImage image = TileResampler.resample(region, plan.exactWidth(), plan.exactHeight(), spec.tilePx(), spec.tilePx());
                long b = THREADS.getCurrentThreadCpuTime();
                Sharpness.of(image);
                long c = THREADS.getCurrentThreadCpuTime();
                preprocessor.write(image, floats, 0);
                long d = THREADS.getCurrentThreadCpuTime();
                read += a - t;
                resample += b - a;
                sharpness += c - b;
                preprocess += d - c;
                t = d;
            }
            out.put("tile reads", read / 1e9);
            out.put("resampling", resample / 1e9);
            out.put("sharpness", sharpness / 1e9);
            out.put("preprocessing", preprocess / 1e9);
            out.put("tiles", (double) grid.tiles().size());
        }
        return out;
    }

    private static long lap(Map<String, Double> out, String stage, long since) {
        long now = THREADS.getCurrentThreadCpuTime();
        out.put(stage, (now - since) / 1e9);
        return now;
    }
}
