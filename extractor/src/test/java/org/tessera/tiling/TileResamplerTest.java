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
}
