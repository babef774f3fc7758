package org.tessera.targets;

import java.io.IOException;

/** A targets file that cannot be imported; the message names the file and the problem (ids, cells, values). */
public final class ImportException extends IOException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
