package org.tessera.backbone;

import java.io.IOException;

/**
 * A backbone that cannot be described, loaded, validated or run. The message always says which card or model
 * file is concerned and what is wrong with it, so it can be shown to a user as it is.
 */
public final class BackboneException extends IOException {

    public BackboneException(String message) {
        super(message);
    }

    public BackboneException(String message, Throwable cause) {
        super(message, cause);
    }
}
