package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/**
 * Slide metadata through OpenSlide, checked against OpenSlide's own tools:
 * {@code openslide-show-properties /work/shared/slides/CMU-1-Small-Region.svs} and
 * {@code openslide-show-properties /work/shared/slides/TCGA-CR-7395-01A-01-TS1.svs} (openslide-tools 3.4.1),
 * giving e.g. {@code openslide.level[0].width: '2220'}, {@code openslide.mpp-x: '0.499'},
 * {@code openslide.objective-power: '20'}, {@code openslide.level[1].downsample: '2.0005055500659967'}.
 * Associated image names and sizes (not printed by the 3.4.1 tools) come from the C API through Python ctypes:
 * {@code openslide_get_associated_image_names} / {@code openslide_get_associated_image_dimensions} gave
 * CMU: label 387x463, macro 1280x431, thumbnail 574x768; TCGA: thumbnail 956x768 (cross-checked for CMU
 * against the TIFF directories listed by PIL: "label 387x463", "macro 1280x431", 574x768).
 */
class OpenSlideSlideMetadataTest {

    static Path cmu() {
        return Shared.path("slides/CMU-1-Small-Region.svs");
    }

    static Path tcga() {
        return Shared.path("slides/TCGA-CR-7395-01A-01-TS1.svs");
    }

    @Test
    void cmuLevelsMatchOpenSlideShowProperties() throws Exception {
        try (Slide slide = Slides.open(cmu())) {
            assertInstanceOf(DirectJpegSlide.class, slide);
            assertEquals("aperio", slide.vendor());
            assertEquals(1, slide.levelCount());
            assertEquals(new Dimensions(2220, 2967), slide.levelDimensions(0));
            assertEquals(1.0, slide.levelDownsample(0));
        }
    }

    @Test
    void cmuResolutionAndFingerprintMatchProperties() throws Exception {
        try (Slide slide = Slides.open(cmu())) {
            assertEquals(OptionalDouble.of(0.499), slide.mpp());
            assertEquals(0.499, slide.requireMpp());
            assertEquals(OptionalDouble.of(20), slide.objectivePower());
            assertEquals("quickhash1:6335ea0e6cc54c2cba64bb265d3c713a50cd84484924e3a9c109558c13521d5c",
                    slide.fingerprint());
            assertEquals("20", slide.properties().get("aperio.AppMag"));
            assertEquals("0.4990", slide.properties().get("aperio.MPP"));
            assertEquals("240", slide.properties().get("openslide.level[0].tile-width"));
        }
    }

    @Test
    void cmuAssociatedImagesHaveOpenSlideSizes() throws Exception {
        try (OpenSlideSlide slide = OpenSlideSlide.open(cmu(), OptionalDouble.empty())) {
            assertEquals(Set.of("label", "macro", "thumbnail"), slide.associatedImageNames());
            Map<String, Dimensions> expected = Map.of("label", new Dimensions(387, 463),
                    "macro", new Dimensions(1280, 431), "thumbnail", new Dimensions(574, 768));
            for (var e : expected.entrySet()) {
                assertEquals(e.getValue(), slide.associatedImageDimensions(e.getKey()));
                var image = slide.associatedImage(e.getKey());
                assertEquals(e.getValue(), new Dimensions(image.getWidth(), image.getHeight()));
            }
            SlideException unknown = assertThrows(SlideException.class, () -> slide.associatedImage("overview"));
            assertTrue(unknown.getMessage().contains("overview"), unknown.getMessage());
        }
    }

    @Test
    void tcgaJpeg2000LevelsMatchOpenSlideShowProperties() throws Exception {
        try (Slide slide = Slides.open(tcga())) {
            assertEquals("aperio", slide.vendor());
            assertEquals(2, slide.levelCount());
            assertEquals(new Dimensions(4443, 3567), slide.levelDimensions(0));
            assertEquals(new Dimensions(2221, 1783), slide.levelDimensions(1));
            assertEquals(2.0005055500659967, slide.levelDownsample(1), 1e-15);
            assertEquals(1, slide.bestLevelForDownsample(2.5));
            assertEquals(0, slide.bestLevelForDownsample(1.9));
            assertEquals("quickhash1:a07b51d43e299d75615f06095d0c5ee76d257b6060c65bc4d2e0ce758793bbea",
                    slide.fingerprint());
            assertEquals(Set.of("thumbnail"), slide.associatedImageNames());
            var thumb = slide.associatedImage("thumbnail");
            assertEquals(956, thumb.getWidth());
            assertEquals(768, thumb.getHeight());
        }
    }

    @Test
    void tcgaWithoutMppMetadataHasNoPixelSize() throws Exception {
        try (Slide slide = Slides.open(tcga())) {
            assertTrue(slide.mpp().isEmpty());
            assertTrue(slide.objectivePower().isEmpty());
            SlideException e = assertThrows(SlideException.class, slide::requireMpp);
            assertTrue(e.getMessage().contains("--mpp"), e.getMessage());
            assertTrue(e.getMessage().contains("TCGA-CR-7395-01A-01-TS1.svs"), e.getMessage());
            assertEquals(tcga(), e.path());
        }
    }

    @Test
    void mppOverrideReplacesMetadata() throws Exception {
        try (Slide tcga = Slides.open(tcga(), OptionalDouble.of(0.25));
                Slide cmu = Slides.open(cmu(), OptionalDouble.of(0.5))) {
            assertEquals(0.25, tcga.requireMpp());
            assertEquals(0.5, cmu.requireMpp());
        }
        assertThrows(IllegalArgumentException.class, () -> Slides.open(cmu(), OptionalDouble.of(-1)));
    }

    @Test
    void badLevelIsRejectedWithItsRange() throws Exception {
        try (Slide slide = Slides.open(tcga())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> slide.readRegion(0, 0, 2, 8, 8));
            assertTrue(e.getMessage().contains("level 2 out of range 0..1"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> slide.readRegion(0, 0, 0, 0, 8));
        }
    }
}
