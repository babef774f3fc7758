package org.tessera.extract;

/**
 * A tile on its way to the backbone: its preprocessed input (CHW floats at the backbone's input size), or
 * no pixels when it was not read because its slide failed.
 */
record TileItem(SlideJob job, int tileIndex, float[] pixels) {
    static final TileItem END = new TileItem(null, -1, new float[0]);

    static TileItem skipped(SlideJob job, int tileIndex) {
        return new TileItem(job, tileIndex, new float[0]);
    }

    boolean hasPixels() {
        return pixels.length > 0;
    }
}
