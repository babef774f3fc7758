package org.tessera.score;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scoring run did. Slides that could not be scored (a failed extraction, no row in the feature set)
 * are listed with the reason; the others are scored regardless.
 *
 * @param bundleId         the bundle's id, the key of its rows in {@code predictions}
 * @param slidesSelected   slides the selection returned
 * @param slidesScored     slides with predictions
 * @param slidesExtracted  slides embedded by this run
 * @param tilesEmbedded    tiles embedded by this run (0 when every slide was already in the store)
 * @param unscored         slides without predictions, and why
 * @param genes            predictions per slide
 * @param predictionRows   rows written to {@code predictions} (slides x genes)
 * @param out              the exported file, if any
 * @param seconds          wall time
 */
public record ScoreReport(String bundleId, int slidesSelected, int slidesScored, int slidesExtracted, long tilesEmbedded,
        List<Unscored> unscored, int genes, long predictionRows, Optional<Path> out, double seconds) {
    public ScoreReport {
        Objects.requireNonNull(bundleId, "bundleId");
        unscored = List.copyOf(unscored);
        Objects.requireNonNull(out, "out");
    }

    /** A selected slide without predictions. */
    public record Unscored(String slideId, String path, String reason) {
    }

    public boolean complete() {
        return unscored.isEmpty();
    }
}
