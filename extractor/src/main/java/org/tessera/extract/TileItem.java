package org.tessera.extract;

/**
 * A tile on its way to the backbones: {@code inputs[g]} is its input preprocessed by the run's preprocessing
 * number {@code g} (CHW floats at that backbone's input size; null when no backbone the slide needs uses it),
 * shared by every backbone with that preprocessing; no inputs when it was not read because its slide failed.
 */
record TileItem(SlideJob job, int tileIndex, float[][] inputs) {
    static final TileItem END = new TileItem(null, -1, new float[0][]);

    static TileItem skipped(SlideJob job, int tileIndex) {
        return new TileItem(job, tileIndex, new float[0][]);
    }

    boolean hasPixels() {
        return inputs.length > 0;
    }
}
