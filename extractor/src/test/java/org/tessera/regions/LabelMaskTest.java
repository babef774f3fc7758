package org.tessera.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.tiling.Tile;

/** Label masks: classes from pixel values at a downsample, areas and coverage by pixel counting. */
class LabelMaskTest {
    @TempDir
    Path tmp;

    /** A 139 x 186 grey mask of CMU-1 (2220 x 2967 at downsample 16): value 1 a ring, value 2 a block, value 7 unmapped. */
    private Path mask(int[] values) throws Exception {
        BufferedImage image = new BufferedImage(139, 186, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 186; y++) {
            for (int x = 0; x < 139; x++) {
                int v = value(x, y);
                values[y * 139 + x] = v;
                image.getRaster().setSample(x, y, 0, v);
            }
        }
        Path png = tmp.resolve("labels.png");
        ImageIO.write(image, "png", png.toFile());
        return png;
    }

    private static int value(int x, int y) {
        boolean ring = x >= 10 && x < 60 && y >= 10 && y < 70 && !(x >= 25 && x < 40 && y >= 30 && y < 50);
        if (ring) {
            return 1;
        }
        if (x >= 70 && x < 130 && y >= 100 && y < 180) {
            return 2;
        }
        return x < 5 && y > 180 ? 7 : 0;
    }

    @Test
    void classesAreasAndCoverageEqualPixelCounts() throws Exception {
        int[] values = new int[139 * 186];
        ParsedAnnotations parsed = LabelMaskAnnotations.read(mask(values), 16, Map.of(1, "Tumor", 2, "Stroma"), QuPathGeoJsonTest.CMU);
        assertEquals(2, parsed.annotations().size());
        Annotation tumour = parsed.annotations().get(0);
        assertEquals("Tumor", tumour.className());
        assertEquals(1, ((org.locationtech.jts.geom.Polygon) tumour.geometry()).getNumInteriorRing(), "the ring's hole");
        long ones = java.util.Arrays.stream(values).filter(v -> v == 1).count();
        long twos = java.util.Arrays.stream(values).filter(v -> v == 2).count();
        assertEquals(ones * 256.0, tumour.geometry().getArea(), 1e-6);
        assertEquals(twos * 256.0, parsed.annotations().get(1).geometry().getArea(), 1e-6);
        long sevens = java.util.Arrays.stream(values).filter(v -> v == 7).count();
        assertEquals(List.of("value 7 (" + sevens + " pixels) has no class"), parsed.skipped());
        // A tile of 16 x 16 mask pixels from (16, 16): covered share = its share of value-1 pixels.
        Tile tile = new Tile(0, 0, 0, 256, 256, 256, 256, 1);
        int in = 0;
        for (int y = 16; y < 32; y++) {
            for (int x = 16; x < 32; x++) {
                in += values[y * 139 + x] == 1 ? 1 : 0;
            }
        }
        List<TileRegion> covered = Coverage.of(parsed.annotations(), List.of(tile));
        assertEquals(1, covered.size());
        assertEquals(in / 256.0, covered.get(0).fraction(), 1e-12);
    }

    @Test
    void aMaskForALargerImageIsRefused() throws Exception {
        Path png = mask(new int[139 * 186]);
        AnnotationException e = assertThrows(AnnotationException.class,
                () -> LabelMaskAnnotations.read(png, 32, Map.of(1, "Tumor"), QuPathGeoJsonTest.CMU));
        assertTrue(e.getMessage().startsWith(png.toString()) && e.getMessage().contains("outside the slide"), e.getMessage());
    }
}
