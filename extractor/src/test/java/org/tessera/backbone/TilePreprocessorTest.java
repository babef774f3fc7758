package org.tessera.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/** The fast preprocessor against a plain per-pixel getRGB loop written here. */
class TilePreprocessorTest {

    private static final String TILE =
            "tcga-brca/tiles/TCGA-A2-A04R/TCGA-A2-A04R-01Z-00-DX1.BE3661A3-A2A0-4248-B7D5-D8986E529B6C_x15680_y39200.png";

    @Test
    void matchesThePerPixelReferenceOnARealTile() throws Exception {
        BufferedImage png = ImageIO.read(Shared.path(TILE).toFile());
        BackboneCard card = TestCards.mobilenet();
        float[] fast = new float[card.floatsPerTile()];
        TilePreprocessor.forCard(card).write(intRgb(png), fast, 0);
        assertClose(reference(png, card), fast, 0, 1e-6);
    }

    @Test
    void convertsImagesOfOtherTypes() throws Exception {
        BufferedImage png = ImageIO.read(Shared.path(TILE).toFile());
        BackboneCard card = TestCards.mobilenet();
        float[] fast = new float[card.floatsPerTile()];
        TilePreprocessor.forCard(card).write(png, fast, 0);
        assertClose(reference(png, card), fast, 0, 1e-6);
    }

    @Test
    void honoursBgrOrderAndPerChannelStatistics() throws Exception {
        BufferedImage png = ImageIO.read(Shared.path(TILE).toFile());
        BackboneCard card = TestCards.withPreprocessing(TestCards.mobilenet(), ChannelOrder.BGR,
                List.of(103.94, 116.78, 123.68), List.of(57.375, 57.12, 58.395));
        float[] fast = new float[card.floatsPerTile()];
        TilePreprocessor.forCard(card).write(intRgb(png), fast, 0);
        assertClose(reference(png, card), fast, 0, 1e-6);
    }

    @Test
    void writesAtAnOffsetFromASubimage() throws Exception {
        BufferedImage png = intRgb(ImageIO.read(Shared.path(TILE).toFile()));
        BufferedImage canvas = new BufferedImage(300, 260, BufferedImage.TYPE_INT_RGB);
        canvas.getGraphics().drawImage(png, 40, 17, null);
        BufferedImage view = canvas.getSubimage(40, 17, 224, 224);
        BackboneCard card = TestCards.mobilenet();
        float[] batch = new float[3 * card.floatsPerTile()];
        TilePreprocessor.forCard(card).write(view, batch, card.floatsPerTile());
        assertClose(reference(png, card), batch, card.floatsPerTile(), 1e-6);
        assertEquals(0f, batch[0]);
        assertEquals(0f, batch[batch.length - 1]);
    }

    @Test
    void halvesA448TileByAveragingEach2x2Block() throws Exception {
        BufferedImage tile = intRgb(ImageIO.read(Shared.path(TILE).toFile()));
        // A 448 px image of the tile's real pixels, scrambled so that neighbouring pixels differ.
        BufferedImage big = new BufferedImage(448, 448, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 448; y++) {
            for (int x = 0; x < 448; x++) {
                int sx = (x * 7 + y * 3) % 224;
                int sy = (y * 5 + x) % 224;
                big.setRGB(x, y, tile.getRGB(sx, sy));
            }
        }
        BackboneCard card = TestCards.mobilenet();
        float[] out = new float[card.floatsPerTile()];
        TilePreprocessor.forCard(card).write(big, out, 0);
        assertEquals(3 * 224 * 224, out.length);
        // Half-pixel centres at scale 2: output (x, y) is the mean of source pixels 2x..2x+1, 2y..2y+1.
        float[] expected = new float[out.length];
        for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            for (int y = 0; y < 224; y++) {
                for (int x = 0; x < 224; x++) {
                    double sum = 0;
                    for (int dy = 0; dy < 2; dy++) {
                        for (int dx = 0; dx < 2; dx++) {
                            sum += (big.getRGB(2 * x + dx, 2 * y + dy) >> shift) & 0xFF;
                        }
                    }
                    expected[c * 224 * 224 + y * 224 + x] = (float) ((sum / 4 - 127.5) / 127.5);
                }
            }
        }
        assertClose(expected, out, 0, 1e-6);
    }

    @Test
    void upscalesASmallTileToTheInputSize() throws Exception {
        BufferedImage tile = intRgb(ImageIO.read(Shared.path(TILE).toFile())).getSubimage(0, 0, 112, 112);
        BackboneCard card = TestCards.mobilenet();
        float[] out = new float[card.floatsPerTile()];
        TilePreprocessor.forCard(card).write(tile, out, 0);
        // The top-left output pixel sits before the first source centre and is clamped to source (0, 0).
        assertEquals((((tile.getRGB(0, 0) >> 16) & 0xFF) - 127.5) / 127.5, out[0], 1e-6);
    }

    @Test
    void refusesABufferTooShort() throws Exception {
        BufferedImage tile = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
        TilePreprocessor pre = TilePreprocessor.forCard(TestCards.mobilenet());
        assertThrows(IllegalArgumentException.class, () -> pre.write(tile, new float[pre.floatsPerTile()], 1));
    }

    /** The obvious implementation: getRGB per pixel, plane by plane. */
    private static float[] reference(BufferedImage image, BackboneCard card) {
        int side = card.inputSize();
        float[] out = new float[3 * side * side];
        for (int plane = 0; plane < 3; plane++) {
            int shift = card.channelOrder() == ChannelOrder.RGB ? 16 - 8 * plane : 8 * plane;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int value = (image.getRGB(x, y) >> shift) & 0xFF;
                    out[plane * side * side + y * side + x] =
                            (float) ((value - card.mean().get(plane)) / card.std().get(plane));
                }
            }
        }
        return out;
    }

    private static BufferedImage intRgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(image, 0, 0, null);
        return rgb;
    }

    private static void assertClose(float[] expected, float[] actual, int offset, double tolerance) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[offset + i], tolerance, "float " + i);
        }
    }
}
