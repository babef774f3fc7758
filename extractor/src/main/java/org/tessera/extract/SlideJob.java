package org.tessera.extract;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.tessera.slide.Slide;
import org.tessera.store.FeatureKey;
import org.tessera.store.SetWriter;
import org.tessera.store.SlideRecord;
import org.tessera.tiling.Tile;

/**
 * One slide in flight through the pipeline, for one or more backbones. Reader threads read its tiles once;
 * each backbone it needs has a {@link Target} (its set, written and committed on its own). A read failure
 * marks the whole job; its remaining tiles then pass through unread so the writer still learns when the
 * slide is finished. The writer thread owns the targets' writers and counts.
 */
final class SlideJob {
    final SlideRecord slide;
    final List<Tile> tiles;
    final Slide opened;
    final TileReader reader;
    /** The grid's sharpness for the readers to measure, when it is not stored yet. */
    final java.util.Optional<GridSharpness> sharpness;
    /** By backbone number; null where the slide is already in the store for that backbone. */
    final Target[] targets;
    final long startNanos = System.nanoTime();
    private final AtomicReference<ExtractionReport.Failure> failure = new AtomicReference<>();
    /** Writer thread only: targets finished (committed or failed). */
    private int finished;

    /** One backbone's set of this slide. */
    static final class Target {
        final FeatureKey key;
        /** Writer thread only. */
        SetWriter writer;
        /** Writer thread only: tiles accounted for (embedded or skipped). */
        int received;
        private volatile ExtractionReport.Failure failure;

        Target(FeatureKey key) {
            this.key = key;
        }

        void fail(ExtractionReport.Failure f) {
            if (failure == null) {
                failure = f;
            }
        }

        ExtractionReport.Failure failure() {
            return failure;
        }
    }

    SlideJob(SlideRecord slide, TileSource.Planned planned, Slide opened, TileReader reader, Target[] targets) {
        this.slide = slide;
        this.tiles = planned.tiles();
        this.sharpness = planned.sharpness();
        this.opened = opened;
        this.reader = reader;
        this.targets = targets;
    }

    /** Fails the slide for every backbone (first failure wins). */
    void fail(ExtractionReport.Failure f) {
        failure.compareAndSet(null, f);
    }

    boolean failed() {
        return failure.get() != null;
    }

    ExtractionReport.Failure failure() {
        return failure.get();
    }

    /** Whether backbone number {@code lane}'s set of this slide can no longer be committed. */
    boolean failed(int lane) {
        return failed() || targets[lane].failure() != null;
    }

    /** The failure of backbone number {@code lane}'s set: the slide's own, else the set's. */
    ExtractionReport.Failure failure(int lane) {
        ExtractionReport.Failure f = failure();
        return f != null ? f : targets[lane].failure();
    }

    boolean complete(int lane) {
        return targets[lane].received == tiles.size();
    }

    /** Writer thread: counts a finished target; true when it was the last one. */
    boolean finishTarget() {
        return ++finished == targetCount();
    }

    /** Writer thread: whether every target is finished. */
    boolean complete() {
        return finished == targetCount();
    }

    int targetCount() {
        int n = 0;
        for (Target t : targets) {
            n += t == null ? 0 : 1;
        }
        return n;
    }
}
