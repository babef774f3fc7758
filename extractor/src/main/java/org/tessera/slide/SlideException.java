package org.tessera.slide;

import java.io.IOException;
import java.nio.file.Path;

/** A slide that cannot be opened or read. The message always names the file and the problem. */
public final class SlideException extends IOException {
    private final Path path;

    public SlideException(Path path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public SlideException(Path path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
