package org.tessera.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/** Resampling quality and exactness on hand-made and real tiles. */
class TileResamplerTest {
    static final String TCGA_TILE = "tcga-brca/tiles/TCGA-A2-A04R/"
            + "TCGA-A2-A04R-01Z-00-DX1.BE3661A3-A2A0-4248-B7D5-D8986E529B6C_x15680_y39200.png";

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void sameSizeIsTheIdentity() throws IOException {
        BufferedImage tile = ImageIO.read(Shared.path(TCGA_TILE).toFile());
        BufferedImage out = TileResampler.resample(tile, 224);
        assertEquals(BufferedImage.TYPE_INT_RGB, out.getType());
        assertArrayEquals(pixels(tile), pixels(out));
    }

    /**
     * Halving a real TCGA tile averages 2x2 blocks. Reference: numpy,
     * {@code r = floor(t.reshape(112,2,112,2,3).mean(axis=(1,3)) + 0.5)} on the PNG decoded by PIL, printed
     * {@code sums [2111872, 1217377, 2080365] px(0,0) [227, 112, 190] px(x=57,y=31) [202, 147, 194]
     * px(111,111) [201, 115, 171]}.
     */
    @Test
    void halvingARealTileAveragesBlocks() throws IOException {
        BufferedImage tile = ImageIO.read(Shared.path(TCGA_TILE).toFile());
        BufferedImage out = TileResampler.resample(tile, 112);
        long[] sums = new long[3];
        for (int p : pixels(out)) {
            sums[0] += (p >> 16) & 0xFF;
            sums[1] += (p >> 8) & 0xFF;
            sums[2] += p & 0xFF;
        }
        assertArrayEquals(new long[] {2111872, 1217377, 2080365}, sums);
        assertEquals(227 << 16 | 112 << 8 | 190, out.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(202 << 16 | 147 << 8 | 194, out.getRGB(57, 31) & 0xFFFFFF);
        assertEquals(201 << 16 | 115 << 8 | 171, out.getRGB(111, 111) & 0xFFFFFF);
    }

    @Test
    void fractionalShrinkWeighsPartialPixels() {
        // one row 0,30,60 (grey) shrunk from 3 px to 2: out0 = (0 + 30/2)/1.5 = 10, out1 = (30/2 + 60)/1.5 = 50
        BufferedImage row = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 3; x++) {
            int v = 30 * x;
            row.setRGB(x, 0, v << 16 | v << 8 | v);
        }
        BufferedImage out = TileResampler.resample(row, 3, 1, 2, 1);
        assertEquals(10, out.getRGB(0, 0) & 0xFF);
        assertEquals(50, out.getRGB(1, 0) & 0xFF);
        // only the first 2.5 columns: out0 = (0 + 30*0.25)/1.25 = 6, out1 = (30*0.75 + 60*0.5)/1.25 = 42
        BufferedImage part = TileResampler.resample(row, 2.5, 1, 2, 1);
        assertEquals(6, part.getRGB(0, 0) & 0xFF);
        assertEquals(42, part.getRGB(1, 0) & 0xFF);
    }

    @Test
    void enlargingInterpolatesBetweenCentres() {
        // 2 px (0, 100) to 4: centres at -0.25, 0.25, 0.75, 1.25 -> 0, 25, 75, 100
        BufferedImage row = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        row.setRGB(1, 0, 100 << 16 | 100 << 8 | 100);
        BufferedImage out = TileResampler.resample(row, 2, 1, 4, 1);
        int[] got = new int[4];
        for (int x = 0; x < 4; x++) {
            got[x] = out.getRGB(x, 0) & 0xFF;
        }
        assertArrayEquals(new int[] {0, 25, 75, 100}, got);
    }

    @Test
    void flatColourSurvivesAnyRatio() {
        BufferedImage flat = new BufferedImage(449, 437, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 437; y++) {
            for (int x = 0; x < 449; x++) {
                flat.setRGB(x, y, 0xC86432);
            }
        }
        for (int side : new int[] {224, 100, 500}) {
            BufferedImage out = TileResampler.resample(flat, side);
            for (int p : pixels(out)) {
                assertEquals(0xC86432, p & 0xFFFFFF, "side " + side);
            }
        }
    }

    /**
     * The fast paths (two taps read from packed pixels, rows blended and rounded in whole-row loops) give exactly
     * the pixels of the documented filter evaluated one output pixel at a time: per axis the taps (area weights when
     * shrinking, bilinear between pixel centres with clamped edges when enlarging), each source row's taps summed
     * in float first, then the rows' (from 0, in order), rounded half up. Real tile, enlarging as a HER2ST section
     * (0.69 to 0.5 um/px), shrinking by a fraction and by a whole factor, and a non-square region.
     */
    @Test
    void everyRatioEqualsThePlainFilterPixelByPixel() throws IOException {
        BufferedImage tile = ImageIO.read(Shared.path(TCGA_TILE).toFile());
        double[][] cases = {{162.3, 162.3, 224, 224}, {224, 224, 224, 224}, {223.4, 224, 224, 224}, {224, 224, 112, 112},
            {200.5, 150.25, 224, 224}, {224, 224, 300, 97}};
        for (double[] c : cases) {
            BufferedImage out = TileResampler.resample(tile, c[0], c[1], (int) c[2], (int) c[3]);
            float[][] h = taps(c[0], (int) c[2]);
            float[][] v = taps(c[1], (int) c[3]);
            int[] firstH = firsts(c[0], (int) c[2]);
            int[] firstV = firsts(c[1], (int) c[3]);
            for (int oy = 0; oy < c[3]; oy++) {
                for (int ox = 0; ox < c[2]; ox++) {
                    int expected = 0;
                    for (int shift = 16; shift >= 0; shift -= 8) {
                        float sum = 0;
                        for (int k = 0; k < v[oy].length; k++) {
                            float row = 0;
                            for (int j = 0; j < h[ox].length; j++) {
                                row += h[ox][j] * ((tile.getRGB(firstH[ox] + j, firstV[oy] + k) >> shift) & 0xFF);
                            }
                            sum += v[oy][k] * row;
                        }
                        expected |= Math.min(Math.max((int) (sum + 0.5f), 0), 255) << shift;
                    }
                    assertEquals(expected, out.getRGB(ox, oy) & 0xFFFFFF, java.util.Arrays.toString(c) + " at " + ox + "," + oy);
                }
            }
        }
    }

    /** The documented taps of output {@code i} for {@code length} source pixels onto {@code n}. */
    private static float[][] taps(double length, int n) {
        float[][] out = new float[n][];
        double ratio = length / n;
        int last = (int) Math.ceil(length) - 1;
        for (int i = 0; i < n; i++) {
            if (ratio >= 1) {
                double a = i * ratio;
                double b = Math.min(length, (i + 1) * ratio);
                int j0 = (int) Math.floor(a);
                int j1 = Math.min(last, (int) Math.ceil(b) - 1);
                out[i] = new float[j1 - j0 + 1];
                for (int j = j0; j <= j1; j++) {
                    out[i][j - j0] = (float) ((Math.min(b, j + 1) - Math.max(a, j)) / (b - a));
                }
            } else {
                double centre = (i + 0.5) * ratio - 0.5;
                int j0 = (int) Math.floor(centre);
                out[i] = j0 < 0 || j0 >= last ? new float[] {1f} : new float[] {(float) (1 - (centre - j0)), (float) (centre - j0)};
            }
        }
        return out;
    }

    private static int[] firsts(double length, int n) {
        int[] out = new int[n];
        double ratio = length / n;
        int last = (int) Math.ceil(length) - 1;
        for (int i = 0; i < n; i++) {
            out[i] = ratio >= 1 ? (int) Math.floor(i * ratio) : Math.min(last, Math.max(0, (int) Math.floor((i + 0.5) * ratio - 0.5)));
        }
        return out;
    }
}
