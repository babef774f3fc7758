package org.tessera.regions;

import java.io.IOException;

/** An annotation file that cannot be imported; the message names the file and, where it applies, the feature. */
public final class AnnotationException extends IOException {
    public AnnotationException(String message) {
        super(message);
    }

    public AnnotationException(String message, Throwable cause) {
        super(message, cause);
    }
}
