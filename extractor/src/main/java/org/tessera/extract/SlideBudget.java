package org.tessera.extract;

import org.tessera.store.SlideRecord;

/**
 * How many slides may be open at once: at most {@code maxSlides}, and their estimated resident memory
 * within {@code maxBytes}. A plain image is decoded whole (3 bytes a pixel: about 280 MB for a HER2ST
 * section), an OpenSlide slide reads tiles on demand (its cache and thumbnail strips: a few tens of MB).
 * A slide larger than the whole budget still runs, alone. This keeps extraction within the heap whatever
 * mix of slides a cohort holds.
 */
final class SlideBudget {
    static final long OPENSLIDE_BYTES = 64L << 20;

    private final int maxSlides;
    private final long maxBytes;
    private int slides;
    private long bytes;

    SlideBudget(int maxSlides, long maxBytes) {
        if (maxSlides < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("budget must allow one slide: " + maxSlides + " slides, " + maxBytes + " bytes");
        }
        this.maxSlides = maxSlides;
        this.maxBytes = maxBytes;
    }

    /** Up to {@code maxSlides}, within 40% of the maximum heap (the rest is for tiles, batches and Parquet parts). */
    static SlideBudget forHeap(int maxSlides) {
        return new SlideBudget(maxSlides, Math.max(128L << 20, (long) (Runtime.getRuntime().maxMemory() * 0.4)));
    }

    static long estimate(SlideRecord slide) {
        return slide.vendor().startsWith("image/") ? slide.width() * slide.height() * 3 : OPENSLIDE_BYTES;
    }

    private long cost(SlideRecord slide) {
        return Math.min(estimate(slide), maxBytes);
    }

    synchronized boolean tryAcquire(SlideRecord slide) {
        long c = cost(slide);
        if (slides < maxSlides && bytes + c <= maxBytes) {
            slides++;
            bytes += c;
            return true;
        }
        return false;
    }

    /** Waits (at most briefly) for a release; callers loop on {@link #tryAcquire}. */
    synchronized void awaitRelease() throws InterruptedException {
        wait(100);
    }

    synchronized void release(SlideRecord slide) {
        slides--;
        bytes -= cost(slide);
        notifyAll();
    }
}
