package org.tessera.slide;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Native memory for the pixels of whole decoded plain images, recycled from one image to the next.
 *
 * <p>A HER2ST section decodes to 276 MB. Memory fresh from the system costs a page fault and the kernel's zeroing
 * for each of its 67,000 pages: libjpeg-turbo's decode of C3 took 0.33 to 0.38 s of CPU into fresh memory, 0.14 to
 * 0.18 s into memory already touched. A Java array costs that and its own zeroing, and copying the decoded pixels
 * into it once more. So libjpeg-turbo writes straight into a block of native memory that outlives the image: when
 * the image is closed its block goes back to an idle list, and the next image of about the same size decodes into
 * it, already mapped. (Transparent huge pages, {@code madvise(MADV_HUGEPAGE)}, were measured and left out: a fresh
 * block's first touch took 0.3 to 1.0 s instead of 0.16 s, for tile copies about a quarter faster, which would
 * pay back only after some 20 to 100 sections.)
 *
 * <p>Each {@link Lease} sees its block through a shared arena of its own, closed with the lease: a thread still
 * reading the pixels then gets an {@link IllegalStateException} from the access (never another image's pixels,
 * never a crash), and the block is handed out again only after that. Blocks of {@value #GRANULE_MB} MB or more are
 * rounded up to whole granules so that images of nearly the same size share them; at most {@code maxIdle} wait
 * idle, the oldest beyond that being freed, and none longer than {@code keepIdle} (a daemon timer frees them: an
 * extraction reuses them within seconds, and a process that is done with plain images does not keep them). Smaller
 * images get memory of their own, freed on close.
 */
@SuppressWarnings("restricted") // MemorySegment.reinterpret: run with --enable-native-access
final class PixelMemory {

    static final int GRANULE_MB = 16;
    private static final long GRANULE = (long) GRANULE_MB << 20;
    /** Alignment of every block: a page. */
    private static final long ALIGNMENT = 4096;

    /** The pool of the process: as many idle blocks as an extraction run has slides in flight, for 20 s. */
    static final PixelMemory SHARED = new PixelMemory(3, Duration.ofSeconds(20));

    private final int maxIdle;
    private final long keepIdleNanos;
    private final List<Idle> idle = new ArrayList<>(); // oldest first; guarded by this

    PixelMemory(int maxIdle, Duration keepIdle) {
        if (maxIdle < 0 || keepIdle.isNegative()) {
            throw new IllegalArgumentException("idle blocks must be 0 or more, kept 0 s or more, got " + maxIdle + ", " + keepIdle);
        }
        this.maxIdle = maxIdle;
        this.keepIdleNanos = keepIdle.toNanos();
    }

    /** A block given back at {@code since} ({@link System#nanoTime()}). */
    private record Idle(Block block, long since) {
    }

    /** Memory from the system: its arena frees it. */
    private record Block(Arena arena, MemorySegment memory) {
        static Block allocate(long bytes) {
            Arena arena = Arena.ofShared();
            try {
                return new Block(arena, arena.allocate(bytes, ALIGNMENT));
            } catch (RuntimeException | OutOfMemoryError e) {
                arena.close();
                throw e;
            }
        }

        long capacity() {
            return memory.byteSize();
        }
    }

    /**
     * {@code bytes} of memory, reused when an idle block fits (its content is then whatever the last image left:
     * callers overwrite all of it), fresh and zeroed otherwise.
     *
     * @throws OutOfMemoryError when the system has no memory for a new block
     */
    Lease lease(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("a lease needs at least one byte, got " + bytes);
        }
        if (bytes < GRANULE) {
            return new Lease(Block.allocate(bytes), bytes, false);
        }
        long capacity = Math.ceilDiv(bytes, GRANULE) * GRANULE;
        Block block = takeIdle(capacity);
        return new Lease(block != null ? block : Block.allocate(capacity), bytes, true);
    }

    /** Idle blocks now, for tests. */
    synchronized int idleBlocks() {
        return idle.size();
    }

    /** The smallest idle block of at least {@code capacity} bytes but not twice as many, or null. */
    private synchronized Block takeIdle(long capacity) {
        Idle best = null;
        for (Idle i : idle) {
            long c = i.block().capacity();
            if (c >= capacity && c < 2 * capacity && (best == null || c < best.block().capacity())) {
                best = i;
            }
        }
        if (best == null) {
            return null;
        }
        idle.remove(best);
        return best.block();
    }

    private void giveBack(Block block) {
        List<Block> freed = new ArrayList<>();
        synchronized (this) {
            idle.add(new Idle(block, System.nanoTime()));
            if (idle.size() > maxIdle) {
                freed.add(idle.removeFirst().block());
            }
        }
        freed.forEach(b -> b.arena().close());
        CompletableFuture.runAsync(this::freeExpired, CompletableFuture.delayedExecutor(keepIdleNanos, TimeUnit.NANOSECONDS, Runnable::run));
    }

    /** Frees the blocks idle for {@code keepIdle} or longer. */
    private void freeExpired() {
        List<Block> freed = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            idle.removeIf(i -> now - i.since() >= keepIdleNanos && freed.add(i.block()));
        }
        freed.forEach(b -> b.arena().close());
    }

    /**
     * One image's pixels: {@link #segment()} is valid until {@link #close()}, which may be called from any thread,
     * more than once.
     */
    final class Lease implements AutoCloseable {
        private final Block block;
        private final boolean pooled;
        private final Arena view = Arena.ofShared();
        private final MemorySegment segment;
        private boolean closed; // guarded by this

        private Lease(Block block, long bytes, boolean pooled) {
            this.block = block;
            this.pooled = pooled;
            this.segment = block.memory().reinterpret(view, null).asSlice(0, bytes);
        }

        /** The leased bytes; accessing them after {@link #close()} throws {@link IllegalStateException}. */
        MemorySegment segment() {
            return segment;
        }

        /**
         * Ends the lease: closing the view waits until no thread is inside an access to it (later ones throw), then
         * the block goes back to the pool, or to the system.
         */
        @Override
        public void close() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                view.close(); // throws, leaving the lease open, while a downcall holds the memory
                closed = true;
            }
            if (pooled) {
                giveBack(block);
            } else {
                block.arena().close();
            }
        }
    }
}
