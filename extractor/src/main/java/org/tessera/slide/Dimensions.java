package org.tessera.slide;

/** Width and height in pixels of one level. */
public record Dimensions(long width, long height) {
    public Dimensions {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("dimensions must be positive: " + width + "x" + height);
        }
    }
}
