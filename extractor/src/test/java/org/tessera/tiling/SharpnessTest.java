package org.tessera.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.tessera.slide.Slide;
import org.tessera.slide.Slides;
import org.tessera.testkit.Shared;

class SharpnessTest {
    private static BufferedImage region(long x, long y) throws Exception {
        try (Slide slide = Slides.open(Shared.path("slides/CMU-1-Small-Region.svs"))) {
            return slide.readRegion(x, y, 0, 224, 224);
        }
    }

    /**
     * Reference: /usr/bin/python3 with Debian's python3-openslide 1.2.0 and python3-scipy 1.10.1 on the same
     * 224 px level-0 regions of CMU-1-Small-Region.svs: grey = (R*4899 + G*9617 + B*1868 + 8192) >> 14 (OpenCV's
     * RGB2GRAY), then ndimage.convolve(grey, [[0,1,0],[1,-4,1],[0,1,0]], mode='mirror') (OpenCV's default border,
     * reflect-101), then .var(). This is cv2.Laplacian(gray, cv2.CV_64F).var(), EMO's measure.
     */
    @Test
    void equalsScipyOnRealRegions() throws Exception {
        assertEquals(2410.7435833642207, Sharpness.of(region(1000, 1200)), 1e-9);
        assertEquals(86.77512964592631, Sharpness.of(region(600, 1600)), 1e-9);
    }

    @Test
    void fallsMonotonicallyWithGaussianBlur() throws Exception {
        BufferedImage tile = region(1000, 1200);
        double previous = Sharpness.of(tile);
        for (double sigma : new double[] {0.5, 1, 1.5, 2, 3, 4, 6}) {
            double s = Sharpness.of(GaussianBlur.apply(tile, sigma));
            assertTrue(s < previous, "sigma " + sigma + ": " + s + " is not below " + previous);
            previous = s;
        }
        assertTrue(previous < Sharpness.DEFAULT_MIN, "a tile blurred with sigma 6 px is still above the default threshold: " + previous);
    }

    /**
     * The default threshold on the two Aperio slides' tissue tiles (224 px at 0.5 um/px): every tile as scanned is
     * kept, every tile blurred with a Gaussian of sigma 3 px is dropped. (The HER2ST sections are in
     * {@code tessera benchmark sharpness}: their 3,449 tiles take minutes.)
     */
    @Test
    void defaultKeepsTheScannedTilesAndDropsBlurredOnes() throws Exception {
        Object[][] slides = {{"slides/CMU-1-Small-Region.svs", null}, {"slides/TCGA-CR-7395-01A-01-TS1.svs", 0.5}};
        int tiles = 0;
        for (Object[] s : slides) {
            try (Slide slide = Slides.open(Shared.path((String) s[0]),
                    s[1] == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of((Double) s[1]))) {
                org.tessera.tissue.TissueDetector detector = new org.tessera.tissue.TissueDetector();
                Thumbnail thumb = Thumbnail.read(slide, detector.options().thumbnailMaxSide());
                TileGrid grid = TileGrid.plan(slide.levelDimensions(0), slide.requireMpp(), TilingSpec.DEFAULT,
                        detector.detect(thumb.image(), thumb.downsample()));
                for (Tile t : grid.tiles()) {
                    BufferedImage image = TileRead.plan(t, grid.scale(), slide).read(slide, 224);
                    double sharp = Sharpness.of(image);
                    double blurred = Sharpness.of(GaussianBlur.apply(image, 3));
                    assertTrue(sharp >= Sharpness.DEFAULT_MIN, s[0] + " tile " + t.index() + ": " + sharp);
                    assertTrue(blurred < Sharpness.DEFAULT_MIN, s[0] + " tile " + t.index() + " blurred: " + blurred);
                    tiles++;
                }
            }
        }
        assertEquals(43 + 188, tiles); // the two grids' tissue tiles, as tessera benchmark sharpness counts them
    }

    @Test
    void aUniformTileHasNoSharpness() {
        BufferedImage flat = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        assertEquals(0, Sharpness.of(flat));
    }

    /**
     * Small, thin and wide images (wider than the runs the sums are taken in) against the plain formula written out
     * here: OpenCV's grey, the 3x3 Laplacian with reflect-101 borders per pixel, the population variance in doubles.
     */
    @Test
    void oddSizesEqualThePlainFormula() {
        java.util.Random random = new java.util.Random(7);
        int[][] sizes = {{2, 2}, {2, 5}, {5, 2}, {7, 3}, {224, 224}, {2100, 3}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            int[][] grey = new int[h][w];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = random.nextInt(1 << 24);
                    image.setRGB(x, y, rgb);
                    grey[y][x] = (((rgb >> 16) & 0xFF) * 4899 + ((rgb >> 8) & 0xFF) * 9617 + (rgb & 0xFF) * 1868 + 8192) >> 14;
                }
            }
            double sum = 0;
            double sumSq = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int up = grey[y == 0 ? 1 : y - 1][x];
                    int down = grey[y == h - 1 ? h - 2 : y + 1][x];
                    int left = grey[y][x == 0 ? 1 : x - 1];
                    int right = grey[y][x == w - 1 ? w - 2 : x + 1];
                    double l = up + down + left + right - 4.0 * grey[y][x];
                    sum += l;
                    sumSq += l * l;
                }
            }
            double n = (double) w * h;
            double expected = sumSq / n - (sum / n) * (sum / n);
            assertEquals(expected, Sharpness.of(image), 1e-9 * Math.max(1, expected), w + " x " + h);
        }
    }
}
