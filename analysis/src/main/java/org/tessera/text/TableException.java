package org.tessera.text;

import java.io.IOException;

/** A user's table file that cannot be read as a table; the message names the file and, where known, the line. */
public final class TableException extends IOException {
    public TableException(String message) {
        super(message);
    }

    public TableException(String message, Throwable cause) {
        super(message, cause);
    }
}
