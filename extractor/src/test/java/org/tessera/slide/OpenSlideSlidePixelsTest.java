package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/**
 * Region pixels through OpenSlide, compared with OpenSlide's own output.
 *
 * <p>Level-0 references: {@code openslide-write-png <slide> X Y 0 W H out.png} (openslide-tools 3.4.1; use
 * {@code openslide-write-png -- <slide> -50 -30 0 100 80 out.png} for negative coordinates), then in
 * {@code /usr/bin/python3} (PIL 9.4, numpy 1.24): {@code a = np.asarray(Image.open(f).convert("RGBA")).astype(int);
 * al = a[..., 3:4]; rgb = ((a[..., :3] * al + 255 * (255 - al) + 127) // 255).astype(np.uint8);
 * hashlib.sha256(rgb.tobytes()).hexdigest()}, i.e. straight alpha composited over white.
 *
 * <p>Level-1 references: openslide-write-png reads level &gt; 0 one row at a time at level-0 y
 * {@code (int)((int)(y / ds) * ds)}, which with the TCGA slide's downsample 2.0005 is not the same request as one
 * {@code openslide_read_region} call (the sub-pixel offset differs), so those digests come from one
 * {@code openslide_read_region(osr, buf, X, Y, 1, W, H)} call through Python ctypes on libopenslide.so.0, with
 * premultiplied pixels composited exactly as {@code rgb = c + 255 - a}; run as
 * {@code /usr/bin/python3 premul.py <slide> X Y LEVEL W H}. The same script reproduces every level-0 digest
 * above. premul.py:
 * <pre>
 * import ctypes, sys, hashlib, numpy as np
 * L = ctypes.CDLL("libopenslide.so.0")
 * L.openslide_open.restype = ctypes.c_void_p
 * L.openslide_read_region.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint32), ctypes.c_int64,
 *     ctypes.c_int64, ctypes.c_int32, ctypes.c_int64, ctypes.c_int64]
 * f, x, y, lv, w, h = sys.argv[1], *map(int, sys.argv[2:])
 * s = L.openslide_open(f.encode())
 * buf = (ctypes.c_uint32 * (w * h))()
 * L.openslide_read_region(s, buf, x, y, lv, w, h)
 * p = np.frombuffer(buf, dtype=np.uint32).astype(np.int64)
 * a = (p &gt;&gt; 24) &amp; 255
 * rgb = np.stack([((p &gt;&gt; 16) &amp; 255) + 255 - a, ((p &gt;&gt; 8) &amp; 255) + 255 - a, (p &amp; 255) + 255 - a], -1)
 * print(hashlib.sha256(rgb.astype(np.uint8).tobytes()).hexdigest())
 * </pre>
 * Associated images: the same with {@code openslide_get_associated_image_dimensions(s, name, &amp;w, &amp;h)} and
 * {@code openslide_read_associated_image(s, name, buf)} in place of the region read.
 */
class OpenSlideSlidePixelsTest {

    private static String digest(Path path, long x, long y, int level, int w, int h) throws Exception {
        try (Slide slide = Slides.open(path)) {
            BufferedImage image = slide.readRegion(x, y, level, w, h);
            assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
            assertEquals(w, image.getWidth());
            assertEquals(h, image.getHeight());
            return Pixels.sha256(image);
        }
    }

    @Test
    void cmuTopLeftTileMatchesWritePng() throws Exception {
        // openslide-write-png CMU-1-Small-Region.svs 0 0 0 256 256: px(0,0)=0xDDB6DD, px(128,128)=0xF6F6F3
        Path cmu = OpenSlideSlideMetadataTest.cmu();
        assertEquals("4c4dcb47a1c6b0427b4ce2ed610be102fcaf39ef72eedfb4780ffb96bc479ec5", digest(cmu, 0, 0, 0, 256, 256));
        try (Slide slide = Slides.open(cmu)) {
            BufferedImage image = slide.readRegion(0, 0, 0, 256, 256);
            assertEquals(0xDDB6DD, Pixels.rgb(image, 0, 0));
            assertEquals(0xF6F6F3, Pixels.rgb(image, 128, 128));
            assertEquals(0xF6F3F3, Pixels.rgb(image, 17, 5));
        }
    }

    @Test
    void cmuTissueRegionMatchesWritePng() throws Exception {
        // openslide-write-png CMU-1-Small-Region.svs 1000 1500 0 300 200: px(150,100)=0x7C4577, px(299,199)=0x93627D
        Path cmu = OpenSlideSlideMetadataTest.cmu();
        assertEquals("bd0c0d72a34c4624c78ffbe5dab6aac15854e078e73b8b3663cf1e120fef8223",
                digest(cmu, 1000, 1500, 0, 300, 200));
        try (Slide slide = Slides.open(cmu)) {
            BufferedImage image = slide.readRegion(1000, 1500, 0, 300, 200);
            assertEquals(0x7C4577, Pixels.rgb(image, 150, 100));
            assertEquals(0x93627D, Pixels.rgb(image, 299, 199));
        }
    }

    @Test
    void regionPastBottomRightEdgeIsWhiteOutsideTheSlide() throws Exception {
        // openslide-write-png CMU-1-Small-Region.svs 2100 2900 0 200 100: 11960 of 20000 pixels have alpha 0;
        // px(119,66) = (248,248,248,255) is the slide's last pixel, px(120,66) and px(119,67) are transparent.
        Path cmu = OpenSlideSlideMetadataTest.cmu();
        assertEquals("875df2c4786207a0797b5ce616b47a04becb9aba1807c879e35b95ddf44acd7a",
                digest(cmu, 2100, 2900, 0, 200, 100));
        try (Slide slide = Slides.open(cmu)) {
            BufferedImage image = slide.readRegion(2100, 2900, 0, 200, 100);
            assertEquals(0xF8F8F8, Pixels.rgb(image, 119, 66));
            assertEquals(0xFFFFFF, Pixels.rgb(image, 120, 66));
            assertEquals(0xFFFFFF, Pixels.rgb(image, 119, 67));
            assertEquals(0xFFFFFF, Pixels.rgb(image, 199, 99));
        }
    }

    @Test
    void regionBeforeTopLeftEdgeIsWhiteOutsideTheSlide() throws Exception {
        // openslide-write-png -- CMU-1-Small-Region.svs -50 -30 0 100 80: px(50,30) = (221,182,221,255) = slide (0,0)
        Path cmu = OpenSlideSlideMetadataTest.cmu();
        assertEquals("6f569e78191611babff9b20df204fb03184399969df7892f9e6a3bef6e438e50",
                digest(cmu, -50, -30, 0, 100, 80));
        try (Slide slide = Slides.open(cmu)) {
            BufferedImage image = slide.readRegion(-50, -30, 0, 100, 80);
            assertEquals(0xDDB6DD, Pixels.rgb(image, 50, 30));
            assertEquals(0xFFFFFF, Pixels.rgb(image, 49, 30));
            assertEquals(0xFFFFFF, Pixels.rgb(image, 50, 29));
        }
    }

    @Test
    void tcgaJpeg2000Level0MatchesWritePng() throws Exception {
        // openslide-write-png TCGA-CR-7395-01A-01-TS1.svs 2000 1500 0 256 256: px(0,0)=0xC873A1, px(255,255)=0xC7528D
        Path tcga = OpenSlideSlideMetadataTest.tcga();
        assertEquals("ca8eee6e80ee97b6daef568ef504d8c4bfc3c3b7974e5b2adb30bcbbad13db85",
                digest(tcga, 2000, 1500, 0, 256, 256));
        try (Slide slide = Slides.open(tcga)) {
            BufferedImage image = slide.readRegion(2000, 1500, 0, 256, 256);
            assertEquals(0xC873A1, Pixels.rgb(image, 0, 0));
            assertEquals(0xE78FBF, Pixels.rgb(image, 128, 128));
            assertEquals(0xC7528D, Pixels.rgb(image, 255, 255));
        }
    }

    @Test
    void tcgaLevel1MatchesOneOpenSlideReadRegionCall() throws Exception {
        // python3 premul.py TCGA-CR-7395-01A-01-TS1.svs 1000 1000 1 200 150
        assertEquals("51fda89db60cb63ab9ddb0edcfeb00d605e63d424b0662d5dcade6e65936e27d",
                digest(OpenSlideSlideMetadataTest.tcga(), 1000, 1000, 1, 200, 150));
    }

    @Test
    void tcgaLevel1EdgeWithPartialAlphaIsCompositedExactly() throws Exception {
        // python3 premul.py TCGA-CR-7395-01A-01-TS1.svs 4300 3400 1 100 100: alpha takes values 0, 62, 115, 139, 255
        // (OpenSlide interpolates the non-integer downsample at the slide's edge), composited as c + 255 - a.
        assertEquals("624492e8a048d2d10852012c8e0d602cd9921ad5efce740ab234be5db8b04339",
                digest(OpenSlideSlideMetadataTest.tcga(), 4300, 3400, 1, 100, 100));
    }

    @Test
    void associatedImagesMatchOpenSlide() throws Exception {
        // premul.py variant for associated images (see class comment); all three are fully opaque.
        try (Slide cmu = Slides.open(OpenSlideSlideMetadataTest.cmu());
                Slide tcga = Slides.open(OpenSlideSlideMetadataTest.tcga())) {
            assertEquals("d99082dd23a68f5c988437048de8b3434404e233c6491483650537bc87866fbc",
                    Pixels.sha256(cmu.associatedImage("label")));
            assertEquals("38124ab29f00798ab06b290c9808676cd131c64c8b0a0acf5a87c63d37e812f6",
                    Pixels.sha256(cmu.associatedImage("macro")));
            assertEquals("21e277d5dc5de4ab67721da9dce590d6229b6a3b365f40a325ca62eab599c39d",
                    Pixels.sha256(tcga.associatedImage("thumbnail")));
        }
    }
}
