package org.tessera.score;

/**
 * A bundle that cannot be applied to a store: a backbone with other weights or preprocessing, a tiling or
 * stain this Tessera cannot reproduce, slides without embeddings when extraction is off. The message says
 * what differs, with both values, and how to proceed.
 */
public final class ScoreException extends Exception {
    public ScoreException(String message) {
        super(message);
    }

    public ScoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
