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
     * Embeddings of {@code n} tiles prepared by {@link #preprocessor()}, stored one after another from the start
     * of {@code batch} (which may be longer; its position and limit are ignored). A direct buffer in native order
     * is how the extractor passes its batches: an ONNX backbone hands it to ONNX Runtime without a copy.
     *
     * @return {@code n * dimension()} floats, tile after tile
     */
    float[] embed(FloatBuffer batch, int n) throws BackboneException;

    /** As {@link #embed(FloatBuffer, int)}, from an array. */
    default float[] embed(float[] batch, int n) throws BackboneException {
        return embed(FloatBuffer.wrap(batch), n);
    }

    /** Where it runs, for reports. */
    String deviceDescription();

    @Override
    void close();
}
