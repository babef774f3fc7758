package org.tessera.slide;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Native memory for decoded images: reused across images, never readable once its lease is closed. */
class PixelMemoryTest {

    private static final long MB = 1 << 20;

    @Test
    void aClosedLeaseBlockServesTheNextImageOfAboutTheSameSize() {
        PixelMemory memory = new PixelMemory(2, Duration.ofHours(1));
        long address;
        try (PixelMemory.Lease a = memory.lease(20 * MB)) {
            address = a.segment().address();
            assertEquals(20 * MB, a.segment().byteSize());
        }
        assertEquals(1, memory.idleBlocks());
        try (PixelMemory.Lease b = memory.lease(20 * MB + 12345); PixelMemory.Lease c = memory.lease(20 * MB)) {
            assertEquals(address, b.segment().address(), "the idle block, both within one 16 MB granule");
            assertNotEquals(address, c.segment().address(), "a block is never leased twice at once");
            assertEquals(0, memory.idleBlocks());
        }
        assertEquals(2, memory.idleBlocks());
        try (PixelMemory.Lease big = memory.lease(100 * MB)) {
            assertNotEquals(address, big.segment().address(), "too small a block is not taken");
        }
        assertEquals(2, memory.idleBlocks(), "the oldest idle block is freed beyond two");
    }

    @Test
    void smallImagesGetMemoryOfTheirOwn() {
        PixelMemory memory = new PixelMemory(2, Duration.ofHours(1));
        try (PixelMemory.Lease small = memory.lease(3 * 640 * 480)) {
            assertEquals(3 * 640 * 480, small.segment().byteSize());
        }
        assertEquals(0, memory.idleBlocks());
    }

    @Test
    void readingAClosedLeaseThrows() {
        PixelMemory memory = new PixelMemory(1, Duration.ofHours(1));
        PixelMemory.Lease lease = memory.lease(17 * MB);
        MemorySegment pixels = lease.segment();
        pixels.set(JAVA_BYTE, 5, (byte) 7);
        lease.close();
        lease.close(); // twice is fine
        assertThrows(IllegalStateException.class, () -> pixels.get(JAVA_BYTE, 5));
        assertEquals(1, memory.idleBlocks(), "closed once, given back once");
    }

    @Test
    void idleBlocksAreFreedAfterAWhile() throws InterruptedException {
        PixelMemory memory = new PixelMemory(2, Duration.ofMillis(100));
        memory.lease(20 * MB).close();
        assertEquals(1, memory.idleBlocks());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (memory.idleBlocks() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, memory.idleBlocks(), "still idle 10 s after a 100 ms keep");
    }

    @Test
    void nonsenseSizesAreRefused() {
        PixelMemory memory = new PixelMemory(1, Duration.ofHours(1));
        assertThrows(IllegalArgumentException.class, () -> memory.lease(0));
        assertThrows(IllegalArgumentException.class, () -> new PixelMemory(-1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new PixelMemory(1, Duration.ofSeconds(-1)));
    }
}
