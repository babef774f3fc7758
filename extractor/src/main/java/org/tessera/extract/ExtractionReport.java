package org.tessera.extract;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.tessera.backbone.BackboneException;

/**
 * How a run went. With several backbones the slide counts are per slide (extracted: every set the slide
 * needed was committed; skipped: it needed none) and {@link #backbones()} holds each backbone's own run.
 * {@code inferenceBatches} counts backbone calls: a re-run over finished slides has zero.
 * {@code backboneBusy} is the share of the run's wall time the inference threads spent inside a backbone
 * (averaged over the threads): near 1 means the pipeline never let the backbones wait for tiles.
 * {@code tileReads} counts tile regions read from slides and resampled, {@code preprocessed} the
 * preprocessings into backbone inputs: each tile is read once whatever the number of backbones, and
 * preprocessed once per distinct preprocessing (input size, channel order, mean, std) among them.
 * {@code inferenceCpuSeconds} is the CPU time the inference threads spent inside the backbones (all of it with
 * single-threaded CPU sessions): with the process's CPU time it gives the CPU cost of everything else.
 * Failed slides are listed with a one-line reason; their class, message and stack trace are in
 * {@code failureLog} (a file in the store) and in {@code extraction_runs}. The run goes on past them.
 */
public record ExtractionReport(int runId, int slidesSelected, int slidesExtracted, int slidesSkipped,
        List<Failure> failures, long tilesEmbedded, long inferenceBatches, double seconds, String device,
        double backboneBusy, List<BackboneRun> backbones, long tileReads, long preprocessed, double inferenceCpuSeconds,
        Optional<String> failureLog) {

    public ExtractionReport {
        failures = List.copyOf(failures);
        backbones = List.copyOf(backbones);
        Objects.requireNonNull(failureLog, "failureLog");
    }

    /** One backbone's part of the run: its {@code extraction_runs} row and counts. */
    public record BackboneRun(String backbone, int runId, int slidesExtracted, int slidesSkipped, int slidesFailed,
            long tilesEmbedded, long inferenceBatches, String device) {
    }

    /**
     * A slide that could not be extracted, and why: {@code error} is the one line shown to the user;
     * {@code exceptionClass} and {@code stackTrace} keep the cause (empty when the failure was not an exception).
     */
    public record Failure(String slide, String error, String exceptionClass, String exceptionMessage, String stackTrace) {
        public Failure {
            Objects.requireNonNull(slide, "slide");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(exceptionClass, "exceptionClass");
            Objects.requireNonNull(stackTrace, "stackTrace");
        }

        /** A failure found by a check, not thrown. */
        public Failure(String slide, String error) {
            this(slide, error, "", null, "");
        }

        /** A failure caused by {@code e} while doing {@code context} (may be empty), e.g. "tile 12 at (0,448)". */
        public static Failure of(String slide, String context, Throwable e) {
            String line = context.isEmpty() ? describe(e) : context + ": " + describe(e);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new Failure(slide, line, e.getClass().getName(), e.getMessage(), trace.toString());
        }

        /** Whether the cause is kept (an exception). */
        public boolean hasCause() {
            return !exceptionClass.isEmpty();
        }

        /**
         * One line for a user: an expected error's own message (those name the file and the problem); for an
         * unexpected one, its class and message, or its class and where it was thrown when it has no message
         * (an NPE no longer reads "null").
         */
        static String describe(Throwable e) {
            String message = e.getMessage();
            boolean expected = e instanceof IOException || e instanceof UncheckedIOException || e instanceof SQLException
                    || e instanceof BackboneException;
            if (message == null || message.isBlank()) {
                StackTraceElement[] at = e.getStackTrace();
                return e.getClass().getSimpleName() + (at.length > 0 ? " at " + at[0] : "");
            }
            String first = message.lines().findFirst().orElse(message);
            return expected ? first : e.getClass().getSimpleName() + ": " + first;
        }
    }

    /** This report with {@code earlier} (found before the run started) listed first among the failures. */
    public ExtractionReport withEarlierFailures(List<Failure> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        List<Failure> all = new java.util.ArrayList<>(earlier);
        all.addAll(failures);
        return new ExtractionReport(runId, slidesSelected, slidesExtracted, slidesSkipped, all, tilesEmbedded,
                inferenceBatches, seconds, device, backboneBusy, backbones, tileReads, preprocessed, inferenceCpuSeconds, failureLog);
    }

    public double tilesPerSecond() {
        return seconds > 0 ? tilesEmbedded / seconds : 0;
    }

    public boolean ok() {
        return failures.isEmpty();
    }
}
