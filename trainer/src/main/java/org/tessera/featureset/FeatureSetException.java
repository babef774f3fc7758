package org.tessera.featureset;

/**
 * A feature set that cannot be read: its query failed, or its rows are not a valid feature matrix (a
 * missing column, vectors of different lengths, a duplicate slide). The message names the feature set and
 * the slide or column at fault.
 */
public final class FeatureSetException extends Exception {
    public FeatureSetException(String message) {
        super(message);
    }

    public FeatureSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
