package org.tessera.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.slide.Dimensions;
import org.tessera.tissue.TissueDetector;
import org.tessera.tissue.TissueOptions;
import org.tessera.tissue.TissueMask;

/** The preview PNG: written atomically, decodable, thumbnail-sized, with tissue tint and tile outlines. */
class TilingPreviewTest {

    @Test
    void previewIsWrittenWithOutlinesOfKeptTiles(@TempDir Path dir) throws IOException {
        // 400x300 thumbnail at downsample 10 of a 4000x3000 slide at 0.5 um/px; a pink square at 100..300 x 50..250
        BufferedImage thumb = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        g.setColor(new Color(245, 245, 245));
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(225, 140, 190));
        g.fillRect(100, 50, 200, 200);
        g.dispose();
        TissueMask mask = new TissueDetector(TissueOptions.FINE).detect(thumb, 10);
        TileGrid grid = TileGrid.plan(new Dimensions(4000, 3000), 0.5, TilingSpec.of(224, 0.5), mask);
        // the square is level-0 1000..3000 x 500..2500; tiles are 224 px. Column 4 (896..1120) is 120/224 =
        // 0.536 tissue, row 2 (448..672) 172/224 = 0.768; columns 13 and row 11 are under 0.5. So columns
        // 4..12 x rows 2..10 (81 tiles) reach 0.5 except the corner (4,2): 0.536 * 0.768 = 0.41. 80 kept.
        assertEquals(80, grid.tiles().size());

        Path png = dir.resolve("preview.png");
        TilingPreview.write(png, thumb, 10, mask, grid);
        BufferedImage back = ImageIO.read(png.toFile());
        assertEquals(400, back.getWidth());
        assertEquals(300, back.getHeight());
        Tile first = grid.tiles().get(0);
        int x0 = (int) Math.floor(first.x() / 10.0);
        int y0 = (int) Math.floor(first.y() / 10.0);
        assertEquals(TilingPreview.OUTLINE_RGB, back.getRGB(x0, y0) & 0xFFFFFF, "outline at " + x0 + "," + y0);
        // inside a tile, tissue is tinted: neither the outline nor the original pink
        int inside = back.getRGB(x0 + 5, y0 + 5) & 0xFFFFFF;
        assertNotEquals(TilingPreview.OUTLINE_RGB, inside);
        assertNotEquals(0xE18CBE, inside);
        assertEquals(0xF5F5F5, back.getRGB(2, 2) & 0xFFFFFF, "glass untouched");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(png), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void blurredTilesAreOutlinedAndCrossedInTheirOwnColour() {
        BufferedImage thumb = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        TissueMask mask = TissueMask.everywhere(new Dimensions(4000, 3000));
        TileGrid grid = TileGrid.plan(new Dimensions(4000, 3000), 0.5, TilingSpec.of(224, 0.5), mask);
        Tile blurred = grid.tiles().get(20);
        Tile sharp = grid.tiles().get(21);
        BufferedImage out = TilingPreview.render(thumb, 10, mask, grid, i -> i == blurred.index());
        int bx = (int) Math.floor(blurred.x() / 10.0);
        int by = (int) Math.floor(blurred.y() / 10.0);
        assertEquals(TilingPreview.BLURRED_RGB, out.getRGB(bx, by + 10) & 0xFFFFFF, "blurred tile's left edge");
        assertEquals(TilingPreview.BLURRED_RGB, out.getRGB(bx + 10, by + 10) & 0xFFFFFF, "blurred tile's diagonal");
        int sx = (int) Math.ceil((sharp.x() + sharp.width()) / 10.0) - 1;
        assertEquals(TilingPreview.OUTLINE_RGB, out.getRGB(sx, (int) Math.floor(sharp.y() / 10.0) + 10) & 0xFFFFFF, "sharp tile's right edge");
        assertNotEquals(TilingPreview.BLURRED_RGB, out.getRGB(sx - 10, (int) Math.floor(sharp.y() / 10.0) + 10) & 0xFFFFFF);
    }
}
