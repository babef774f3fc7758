package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decode benchmark's bookkeeping (its figures are for docs/benchmarks.md, not for a test). */
class DecodeBenchmarkTest {

    @Test
    void oneRoundCountsEveryStoredTileAndPatch() throws Exception {
        List<String> log = new ArrayList<>();
        DecodeBenchmark.Result r = new DecodeBenchmark(OpenSlideSlideMetadataTest.cmu(), ImageSlideTest.b4(), 1, log::add).run();
        assertEquals("direct-jpeg", r.reader());
        assertEquals(240, r.tilePx());
        assertEquals(10 * 13, r.tiles().regions()); // 2220 x 2967 in 240 px tiles
        assertEquals(9 * 13, r.patches().regions()); // whole 224 px patches
        assertTrue(r.tiles().directCpu() > 0 && r.tiles().openSlideCpu() > 0 && r.turboCpuSeconds() > 0, r.toString());
        assertEquals(2, log.size(), log.toString());
    }

    @Test
    void slideTheDirectReaderDoesNotTakeIsRefused() {
        SlideException e = assertThrows(SlideException.class,
                () -> new DecodeBenchmark(OpenSlideSlideMetadataTest.tcga(), ImageSlideTest.b4(), 1, line -> { }).run());
        assertTrue(e.getMessage().contains("the direct JPEG reader does not apply to it (reader: openslide"), e.getMessage());
    }
}
