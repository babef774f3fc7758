package org.tessera.bundle;

import java.io.IOException;

/** A bundle that cannot be written or read: the message names the file, and the field when one is at fault. */
public final class BundleException extends IOException {
    public BundleException(String message) {
        super(message);
    }

    public BundleException(String message, Throwable cause) {
        super(message, cause);
    }
}
