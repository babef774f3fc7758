package org.tessera.extract;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.tiling.GaussianBlur;
import org.tessera.tiling.Sharpness;
import org.tessera.tiling.Thumbnail;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TileGrid;
import org.tessera.tiling.TileRead;
import org.tessera.tiling.TilingSpec;
import org.tessera.tissue.TissueDetector;
import org.tessera.tissue.TissueMask;

/**
 * How the sharpness threshold was chosen, and what measuring sharpness costs: for each shared slide, its tissue
 * tiles under the default tiling, each read once (timed: the read the grid now adds), its sharpness computed
 * (timed), and the sharpness of the same tile blurred with Gaussians of sigma 1, 2 and 3 tile pixels (0.5, 1 and
 * 1.5 um at 0.5 um/px). Counts the tiles below {@link Sharpness#DEFAULT_MIN}, sharp and blurred.
 */
public final class SharpnessBenchmark {
    /** Blur standard deviations, in tile pixels. */
    public static final double[] SIGMAS = {1, 2, 3};

    /** One slide: tiles, seconds reading and measuring, tiles below the threshold sharp and at each blur, and sharpness quantiles. */
    public record Row(String slide, int tiles, double readSeconds, double measureSeconds, int sharpBelow, int[] blurredBelow,
            double sharpMin, double sharpMedian, double blurredMax) {
    }

    private SharpnessBenchmark() {
    }

    public static List<Row> run(Path shared, java.util.function.Consumer<String> progress) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (SlideImporter.Entry e : ExtractionBenchmark.sharedSlides(shared)) {
            try (Slide slide = Slides.open(e.path(), e.mpp())) {
                TissueDetector detector = new TissueDetector();
                Thumbnail thumb = Thumbnail.read(slide, detector.options().thumbnailMaxSide());
                TissueMask mask = detector.detect(thumb.image(), thumb.downsample());
                TilingSpec spec = TilingSpec.DEFAULT;
                TileGrid grid = TileGrid.plan(slide.levelDimensions(0), slide.requireMpp(), spec, mask);
                List<Tile> tiles = grid.tiles();
                double[] sharp = new double[tiles.size()];
                int[] blurredBelow = new int[SIGMAS.length];
                double blurredMax = 0;
                long read = 0;
                long measure = 0;
                for (int i = 0; i < tiles.size(); i++) {
                    long t0 = System.nanoTime();
                    BufferedImage image = TileRead.plan(tiles.get(i), grid.scale(), slide).read(slide, spec.tilePx());
                    long t1 = System.nanoTime();
                    sharp[i] = Sharpness.of(image);
                    measure += System.nanoTime() - t1;
                    read += t1 - t0;
                    for (int k = 0; k < SIGMAS.length; k++) {
                        double b = Sharpness.of(GaussianBlur.apply(image, SIGMAS[k]));
                        if (b < Sharpness.DEFAULT_MIN) {
                            blurredBelow[k]++;
                        }
                        if (SIGMAS[k] == 2) {
                            blurredMax = Math.max(blurredMax, b);
                        }
                    }
                }
                double[] sorted = sharp.clone();
                java.util.Arrays.sort(sorted);
                int below = (int) java.util.Arrays.stream(sharp).filter(v -> v < Sharpness.DEFAULT_MIN).count();
                String name = e.path().getFileName().toString();
                rows.add(new Row(name, tiles.size(), read / 1e9, measure / 1e9, below, blurredBelow,
                        sorted.length == 0 ? Double.NaN : sorted[0], sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2], blurredMax));
                progress.accept(name + ": " + tiles.size() + " tiles");
            }
        }
        return rows;
    }
}
