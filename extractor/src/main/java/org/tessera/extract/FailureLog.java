package org.tessera.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tessera.store.Json;

/**
 * The failures of one extraction run as they happen: kept for the report and {@code extraction_runs}, and
 * appended to {@code logs/run-<id>.log} in the store with their class, message and stack trace. Each entry is
 * one append of the whole text, so an entry is never interleaved with another and a killed run leaves every
 * earlier entry whole. The file is created with the first failure only. Thread-safe.
 */
final class FailureLog {
    private final Path file;
    private final String relative;
    private final List<ExtractionReport.Failure> failures = new ArrayList<>();
    private boolean written;

    /** @param relative the file's path as recorded in the store (relative to its root) */
    FailureLog(Path file, String relative) {
        this.file = file;
        this.relative = relative;
    }

    /** The log of run {@code runId} in the store rooted at {@code root}. */
    static FailureLog forRun(Path root, int runId) {
        String name = "logs/run-" + runId + ".log";
        return new FailureLog(root.resolve(name), name);
    }

    /** Records a failure of the slide for {@code backbones}; the log line names them. */
    synchronized void add(ExtractionReport.Failure f, List<String> backbones) {
        failures.add(f);
        StringBuilder entry = new StringBuilder();
        entry.append(Instant.now()).append(" FAILED ").append(f.slide()).append(" (backbone ")
                .append(String.join(", ", backbones)).append(")\n  ").append(f.error()).append('\n');
        if (f.hasCause()) {
            entry.append(f.stackTrace());
        }
        entry.append('\n');
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, entry.toString().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            written = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the failure log " + file + ": " + e.getMessage(), e);
        }
    }

    synchronized List<ExtractionReport.Failure> failures() {
        return List.copyOf(failures);
    }

    /** The log's store-relative path once something was written to it. */
    synchronized Optional<String> path() {
        return written ? Optional.of(relative) : Optional.empty();
    }

    /** A failed slide's one-line reason, as the column {@code failures} holds it. */
    record Reason(String slide, String error) {
    }

    /** A failed slide's cause, as the column {@code failure_causes} holds it (class and trace null for a checked failure). */
    record Cause(String slide, @com.fasterxml.jackson.annotation.JsonProperty("class") String exceptionClass, String message,
            String stackTrace) {
    }

    /** {@code [{"slide", "error"}]}: the one-line reasons (column {@code failures}). */
    static String reasonsJson(List<ExtractionReport.Failure> failures) {
        return Json.write(failures.stream().map(f -> new Reason(f.slide(), f.error())).toList());
    }

    /** {@code [{"slide", "class", "message", "stack_trace"}]}: the causes (column {@code failure_causes}). */
    static String causesJson(List<ExtractionReport.Failure> failures) {
        return Json.write(failures.stream().map(f -> f.hasCause()
                ? new Cause(f.slide(), f.exceptionClass(), f.exceptionMessage(), f.stackTrace())
                : new Cause(f.slide(), null, f.error(), null)).toList());
    }
}
