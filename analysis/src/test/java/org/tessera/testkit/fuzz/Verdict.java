package org.tessera.testkit.fuzz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which outcomes of reading a hostile file are acceptable. A result is; so is a clear exception: an
 * {@link IOException} (the modules' own checked exceptions, {@code SlideException}, {@code BackboneException},
 * {@code BundleException}, {@code ImportException}, extend it) or an {@link IllegalArgumentException}, whose
 * message names the input (the file or the folder holding it). Anything else is a finding: another runtime
 * exception (an index out of bounds, a null pointer, a number format error escaping), an exception that does
 * not say which file, or an {@link Error} (out of memory, stack overflow).
 */
public final class Verdict {
    private Verdict() {
    }

    /** Empty when {@code t} is a clear failure for an input in {@code folder}, else what is wrong with it. */
    public static Optional<String> problem(Throwable t, Path folder, String fileName) {
        if (t instanceof Error) {
            return Optional.of("error " + t);
        }
        if (!(t instanceof IOException || t instanceof IllegalArgumentException)) {
            return Optional.of("unexpected " + t.getClass().getName() + ": " + t.getMessage() + where(t));
        }
        String message = String.valueOf(t.getMessage());
        if (!message.contains(folder.getFileName().toString()) && !message.contains(fileName)) {
            return Optional.of(t.getClass().getSimpleName() + " does not name the file: " + message);
        }
        return Optional.empty();
    }

    /** The first frames in Tessera's code, to show where an unexpected exception came from. */
    private static String where(Throwable t) {
        return java.util.Arrays.stream(t.getStackTrace()).filter(f -> f.getClassName().startsWith("org.tessera.")).limit(3)
                .map(f -> "\n    at " + f).reduce("", String::concat);
    }
}
