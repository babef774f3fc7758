package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Releasing the native handle, and reading one handle from several threads. */
class OpenSlideSlideLifecycleTest {

    @Test
    void readsAfterCloseThrowAndCloseIsIdempotent() throws Exception {
        Slide slide = Slides.open(OpenSlideSlideMetadataTest.cmu());
        slide.readRegion(0, 0, 0, 16, 16);
        slide.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> slide.readRegion(0, 0, 0, 16, 16));
        assertTrue(e.getMessage().contains("CMU-1-Small-Region.svs") && e.getMessage().contains("closed"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> slide.associatedImage("label"));
        slide.close();
        // metadata stays readable after close: it lives in Java
        assertEquals(2220, slide.levelDimensions(0).width());
    }

    @Test
    void concurrentReadsFromFourThreadsEqualSequentialReads() throws Exception {
        try (Slide slide = Slides.open(OpenSlideSlideMetadataTest.tcga())) {
            // 64 tiles of 256 px over both levels, read once sequentially, then by 4 threads at once.
            List<long[]> requests = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int level = i % 2;
                requests.add(new long[] {(i * 613L) % 4200, (i * 397L) % 3300, level});
            }
            List<String> sequential = new ArrayList<>();
            for (long[] r : requests) {
                sequential.add(Pixels.sha256(slide.readRegion(r[0], r[1], (int) r[2], 256, 256)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (int pass = 0; pass < 2; pass++) {
                    for (long[] r : requests.reversed()) {
                        futures.add(pool.submit(() -> Pixels.sha256(slide.readRegion(r[0], r[1], (int) r[2], 256, 256))));
                    }
                }
                String[] concurrent = new String[futures.size()];
                for (int i = 0; i < concurrent.length; i++) {
                    concurrent[i] = futures.get(i).get();
                }
                List<String> expected = new ArrayList<>(sequential.reversed());
                expected.addAll(sequential.reversed());
                assertArrayEquals(expected.toArray(String[]::new), concurrent);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
