package org.tessera.extract;

import java.util.List;

/**
 * Tiles that went through backbone number {@code lane} together. {@code rows[i]} is item i's row in
 * {@code embeddings} (each {@code dimension} floats), or -1 when the item was passed through without inference.
 */
record EmbeddedBatch(int lane, List<TileItem> items, int[] rows, float[] embeddings, int dimension) {
    static final EmbeddedBatch END = new EmbeddedBatch(-1, List.of(), new int[0], new float[0], 0);
}
