package org.tessera.store;

import java.io.IOException;

/** A store that cannot be opened, read or written; the message names the store or file and the problem. */
public final class StoreException extends IOException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
