package org.tessera.backbone;

import java.nio.FloatBuffer;

/**
 * Turns batches of tiles into fixed-length vectors. Two implementations: an ONNX {@link Backbone} (a neural
 * network, tiles normalised as its card says) and {@link ColourFeatures} (a built-in colour baseline on raw
 * RGB), so the extractor embeds and stores both the same way.
 *
 * <p>Not thread-safe: one embedder per inference thread.
 */
public interface Embedder extends AutoCloseable {

    /** How a tile becomes this embedder's input floats. */
    TilePreprocessor preprocessor();

    /** Floats per embedding. */
    int dimension();

    /**
     * Embeddings of {@code n} tiles prepared by {@link #preprocessor()}, stored one after another at the start
     * of {@code batch} (which may be longer).
     *
     * @return {@code n * dimension()} floats, tile after tile
     */
    float[] embed(float[] batch, int n) throws BackboneException;

    /**
     * As {@link #embed(float[], int)}, from the start of a buffer (its position and limit are ignored). An embedder
     * that can read a direct buffer in place (an ONNX backbone) overrides this; the default copies it out.
     */
    default float[] embed(FloatBuffer batch, int n) throws BackboneException {
        float[] copy = new float[Math.multiplyExact(n, preprocessor().floatsPerTile())];
        batch.get(0, copy);
        return embed(copy, n);
    }

    /** Where it runs, for reports. */
    String deviceDescription();

    @Override
    void close();
}
