package org.tessera.tiling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/** Level choice and reading of tiles, on an in-memory pyramid. */
class TileReadTest {

    private static FakeSlide pyramid(BufferedImage level0) {
        BufferedImage l1 = TileResampler.resample(level0, level0.getWidth(), level0.getHeight(),
                level0.getWidth() / 4, level0.getHeight() / 4);
        return new FakeSlide(List.of(level0, l1), List.of(1.0, 4.000087));
    }

    private static BufferedImage blank(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    @Test
    void sizeAtACoarserLevelIsTheCeilingOfTheExactExtent() {
        Tile t = new Tile(1, 1, 0, 224, 0, 225, 224, 1.0);
        TileRead r = TileRead.at(t, 1, 4.000087);
        // 225 / 4.000087 = 56.2488, 224 / 4.000087 = 55.9988
        assertEquals(57, r.width());
        assertEquals(56, r.height());
        assertEquals(225 / 4.000087, r.exactWidth(), 1e-12);
        assertEquals(224, r.x());
    }

    @Test
    void levelIsTheCoarsestNotExceedingTheScaleWithinTolerance() {
        FakeSlide slide = pyramid(blank(400, 400));
        Tile t = new Tile(0, 0, 0, 0, 0, 896, 896, 1.0);
        assertEquals(1, TileRead.plan(t, 4.0, slide).level(), "4.000087 is within 0.1% of 4");
        assertEquals(0, TileRead.plan(t, 3.9, slide).level());
        assertEquals(1, TileRead.plan(t, 8.0, slide).level());
        assertEquals(224, TileRead.plan(t, 4.0, slide).width(), "896 / 4.000087 = 223.995 -> 224");
    }

    @Test
    void readingAtOneToOneReturnsTheSlidePixels() throws IOException {
        BufferedImage tile = ImageIO.read(Shared.path(TileResamplerTest.TCGA_TILE).toFile());
        BufferedImage level0 = blank(448, 448);
        level0.createGraphics().drawImage(tile, 224, 0, null);
        FakeSlide slide = pyramid(level0);
        Tile t = new Tile(1, 1, 0, 224, 0, 224, 224, 1.0);
        BufferedImage read = TileRead.plan(t, 1.0, slide).read(slide, 224);
        assertArrayEquals(tile.getRGB(0, 0, 224, 224, null, 0, 224), read.getRGB(0, 0, 224, 224, null, 0, 224));
    }

    @Test
    void thumbnailComesFromTheCoarseLevel() throws IOException {
        BufferedImage level0 = blank(2000, 1000);
        Thumbnail th = Thumbnail.read(pyramid(level0), 250);
        assertEquals(250, th.image().getWidth());
        assertEquals(125, th.image().getHeight());
        assertEquals(8.0, th.downsample(), 1e-12);
    }
}
