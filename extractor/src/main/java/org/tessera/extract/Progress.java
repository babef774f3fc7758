package org.tessera.extract;

/** A snapshot of a running extraction, for progress bars. */
public record Progress(int slidesDone, int slidesTotal, long tilesDone, long tilesTotal, double tilesPerSecond,
        String currentSlide) {
}
