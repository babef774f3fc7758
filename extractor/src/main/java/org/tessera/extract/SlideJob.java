package org.tessera.extract;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.tessera.slide.Slide;
import org.tessera.store.FeatureKey;
import org.tessera.store.SetWriter;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Tile;

/**
 * One slide in flight through the pipeline. Reader threads read its tiles; the writer thread owns
 * {@link #writer} and {@link #received}. A failure anywhere marks the job; its remaining tiles then pass
 * through unread so the writer still learns when the slide is finished.
 */
final class SlideJob {
    final SlideRecord slide;
    final FeatureKey key;
    final List<Tile> tiles;
    final Slide opened;
    final TileReader reader;
    final long startNanos = System.nanoTime();
    private final AtomicReference<String> failure = new AtomicReference<>();

    /** Writer thread only. */
    SetWriter writer;
    /** Writer thread only: tiles accounted for (embedded or skipped). */
    int received;

    SlideJob(SlideRecord slide, FeatureKey key, List<Tile> tiles, Slide opened, TileReader reader) {
        this.slide = slide;
        this.key = key;
        this.tiles = tiles;
        this.opened = opened;
        this.reader = reader;
    }

    void fail(String reason) {
        failure.compareAndSet(null, reason);
    }

    boolean failed() {
        return failure.get() != null;
    }

    String failure() {
        return failure.get();
    }

    boolean complete() {
        return received == tiles.size();
    }

    String label() {
        return slide.name() + " (" + slide.path() + ")";
    }
}
