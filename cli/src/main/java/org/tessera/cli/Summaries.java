package org.tessera.cli;

import java.io.PrintWriter;
import org.tessera.extract.ExtractionReport;
import org.tessera.store.FeatureStore;

/** Short end-of-command summaries. */
final class Summaries {
    private Summaries() {
    }

    static void extraction(PrintWriter out, ExtractionReport r, FeatureStore store) {
        out.printf("run %d: %d slides selected, %d extracted, %d already in the store, %d failed%n", r.runId(),
                r.slidesSelected(), r.slidesExtracted(), r.slidesSkipped(), r.failures().size());
        out.printf("%d tiles embedded in %.1f s (%.1f tiles/s, %d backbone calls, backbone busy %.0f%% of the time) on %s%n",
                r.tilesEmbedded(), r.seconds(), r.tilesPerSecond(), r.inferenceBatches(), 100 * r.backboneBusy(), r.device());
        if (r.backbones().size() > 1) {
            for (ExtractionReport.BackboneRun b : r.backbones()) {
                out.printf("  %s (run %d): %d extracted, %d already in the store, %d failed, %d tiles, %d backbone calls on %s%n",
                        b.backbone(), b.runId(), b.slidesExtracted(), b.slidesSkipped(), b.slidesFailed(), b.tilesEmbedded(),
                        b.inferenceBatches(), b.device());
            }
            out.printf("%d tile reads, %d preprocessings for %d backbones%n", r.tileReads(), r.preprocessed(), r.backbones().size());
        }
        r.failureLog().ifPresent(log -> out.printf("failure causes (stack traces): %s%n", store.root().resolve(log)));
        out.printf("store %s: %.1f MB%n", store.root(), store.sizeBytes() / 1e6);
        out.flush();
    }
}
