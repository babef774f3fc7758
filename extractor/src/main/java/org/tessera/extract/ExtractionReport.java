package org.tessera.extract;

import java.util.List;

/**
 * How a run went. {@code inferenceBatches} counts backbone calls: a re-run over finished slides has zero.
 * {@code backboneBusy} is the share of the run's wall time the inference threads spent inside the backbone
 * (averaged over the threads): near 1 means the pipeline never let the backbone wait for tiles.
 * Failed slides are listed with the reason; the run goes on past them.
 */
public record ExtractionReport(int runId, int slidesSelected, int slidesExtracted, int slidesSkipped,
        List<Failure> failures, long tilesEmbedded, long inferenceBatches, double seconds, String device,
        double backboneBusy) {

    public ExtractionReport {
        failures = List.copyOf(failures);
    }

    /** A slide that could not be extracted, and why. */
    public record Failure(String slide, String error) {
    }

    /** This report with {@code earlier} (found before the run started) listed first among the failures. */
    public ExtractionReport withEarlierFailures(List<Failure> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        List<Failure> all = new java.util.ArrayList<>(earlier);
        all.addAll(failures);
        return new ExtractionReport(runId, slidesSelected, slidesExtracted, slidesSkipped, all, tilesEmbedded, inferenceBatches,
                seconds, device, backboneBusy);
    }

    public double tilesPerSecond() {
        return seconds > 0 ? tilesEmbedded / seconds : 0;
    }

    public boolean ok() {
        return failures.isEmpty();
    }
}
