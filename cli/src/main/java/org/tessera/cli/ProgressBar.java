package org.tessera.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.tessera.extract.Progress;

/**
 * A progress line on stderr: redrawn in place on a terminal (at most 5 times a second), or printed every
 * 10 seconds when stderr is a file or pipe, so logs stay readable.
 */
final class ProgressBar implements Consumer<Progress> {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final long intervalNanos;
    private long last;
    private boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
        this.terminal = System.console() != null && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
        this.intervalNanos = terminal ? 200_000_000L : 10_000_000_000L;
    }

    @Override
    public synchronized void accept(Progress p) {
        long now = System.nanoTime();
        if (now - last < intervalNanos) {
            return;
        }
        last = now;
        double fraction = p.tilesTotal() > 0 ? Math.min(1.0, (double) p.tilesDone() / p.tilesTotal()) : 0;
        int filled = (int) Math.round(fraction * WIDTH);
        String line = String.format("[%s%s] %3.0f%%  slides %d/%d  tiles %d/%d  %.1f tiles/s  %s", "#".repeat(filled),
                ".".repeat(WIDTH - filled), fraction * 100, p.slidesDone(), p.slidesTotal(), p.tilesDone(), p.tilesTotal(),
                p.tilesPerSecond(), p.currentSlide());
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            drawn = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the in-place line so the summary starts on a fresh one. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
