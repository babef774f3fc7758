package org.tessera.examples;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.tiling.Thumbnail;
import org.tessera.tiling.TilingPreview;
import org.tessera.tissue.TissueDetector;
import org.tessera.tissue.TissueMask;
import org.tessera.tma.CoreLabel;

/**
 * A tissue microarray composed from real tissue, for the tests and the demo (no TMA slide is among the shared
 * data): 1 mm discs cut from the shared slides (the two Aperio slides and three HER2ST sections, read at about
 * 4 um/px where the disc is at least 90% tissue), laid on a 6 x 8 grid of 1.5 mm pitch, the grid rotated 3 degrees
 * about the image centre, each core moved by up to 80 um at random, two positions (B3, E7) left empty. Written as
 * a PNG at 4 um/px; the true centre of every core is kept.
 */
public final class TmaComposer {
    public static final double MPP = 4.0;
    public static final int ROWS = 6;
    public static final int COLS = 8;
    public static final double PITCH_PX = 1500 / MPP;
    static final double RADIUS_PX = 500 / MPP;
    public static final double ROTATION_DEGREES = 3;
    static final double JITTER_PX = 80 / MPP;
    public static final Set<String> EMPTY = Set.of("B3", "E7");
    private static final int BACKGROUND = 0xF3F3F1;

    /** The composed image's file and the true centre (level-0 x, y) of each core by label, in reading order. */
    public record Composed(Path png, Map<String, double[]> centres, int width, int height) {
        public Composed {
            centres = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(centres));
        }
    }

    private TmaComposer() {
    }

    /** Composes the TMA from the slides under {@code shared} (the shared data folder) and writes it to {@code png}. */
    public static Composed write(Path shared, Path png) throws IOException {
        List<BufferedImage> crops = crops(shared);
        int width = (int) Math.round((COLS + 1) * PITCH_PX);
        int height = (int) Math.round((ROWS + 1) * PITCH_PX);
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                canvas.setRGB(x, y, BACKGROUND);
            }
        }
        Random random = new Random(11);
        double cx = width / 2.0;
        double cy = height / 2.0;
        double cos = Math.cos(Math.toRadians(ROTATION_DEGREES));
        double sin = Math.sin(Math.toRadians(ROTATION_DEGREES));
        Map<String, double[]> centres = new LinkedHashMap<>();
        int next = 0;
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                String label = CoreLabel.of(r, c);
                double gx = (c - (COLS - 1) / 2.0) * PITCH_PX;
                double gy = (r - (ROWS - 1) / 2.0) * PITCH_PX;
                double x = cx + cos * gx - sin * gy + (2 * random.nextDouble() - 1) * JITTER_PX;
                double y = cy + sin * gx + cos * gy + (2 * random.nextDouble() - 1) * JITTER_PX;
                if (EMPTY.contains(label)) {
                    continue;
                }
                paste(canvas, crops.get(next++ % crops.size()), x, y);
                centres.put(label, new double[] {x, y});
            }
        }
        TilingPreview.writePng(png, canvas);
        return new Composed(png, centres, width, height);
    }

    private static void paste(BufferedImage canvas, BufferedImage crop, double x, double y) {
        int r = (int) RADIUS_PX;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                if (dx * dx + dy * dy <= r * r) {
                    canvas.setRGB((int) Math.round(x) + dx, (int) Math.round(y) + dy, crop.getRGB(r + dx, r + dy));
                }
            }
        }
    }

    /** Discs of tissue (as square crops of side 2 r + 1) from the shared slides, non-overlapping within each slide. */
    private static List<BufferedImage> crops(Path shared) throws IOException {
        Object[][] sources = {{"slides/CMU-1-Small-Region.svs", null}, {"slides/TCGA-CR-7395-01A-01-TS1.svs", 0.5},
            {"her2st/images/B4.jpg", 0.69}, {"her2st/images/C2.jpg", 0.69}, {"her2st/images/C3.jpg", 0.69}};
        List<BufferedImage> out = new ArrayList<>();
        int r = (int) RADIUS_PX;
        for (Object[] s : sources) {
            try (Slide slide = Slides.open(shared.resolve((String) s[0]),
                    s[1] == null ? OptionalDouble.empty() : OptionalDouble.of((Double) s[1]))) {
                double mpp = slide.requireMpp();
                long side = Math.max(slide.levelDimensions(0).width(), slide.levelDimensions(0).height());
                Thumbnail thumb = Thumbnail.read(slide, (int) Math.round(side * mpp / MPP));
                TissueMask mask = new TissueDetector().detect(thumb.image(), thumb.downsample());
                BufferedImage img = thumb.image();
                List<int[]> taken = new ArrayList<>();
                for (int y = r; y + r < img.getHeight(); y += r / 2) {
                    for (int x = r; x + r < img.getWidth(); x += r / 2) {
                        int fx = x;
                        int fy = y;
                        if (taken.stream().noneMatch(t -> Math.hypot(t[0] - fx, t[1] - fy) < 2 * r)
                                && tissueShare(mask, thumb.downsample(), x, y, r) >= 0.9) {
                            taken.add(new int[] {x, y});
                            out.add(img.getSubimage(x - r, y - r, 2 * r + 1, 2 * r + 1));
                        }
                    }
                }
            }
        }
        if (out.size() < 10) {
            throw new IOException(shared + ": only " + out.size() + " discs of tissue found in the shared slides");
        }
        return out;
    }

    private static double tissueShare(TissueMask mask, double ds, int x, int y, int r) {
        int in = 0;
        int all = 0;
        for (int dy = -r; dy <= r; dy += 5) {
            for (int dx = -r; dx <= r; dx += 5) {
                if (dx * dx + dy * dy <= r * r) {
                    all++;
                    if (mask.isTissueAt((x + dx + 0.5) * ds, (y + dy + 0.5) * ds)) {
                        in++;
                    }
                }
            }
        }
        return (double) in / all;
    }
}
