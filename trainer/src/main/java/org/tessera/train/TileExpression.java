package org.tessera.train;

import java.util.Objects;

/**
 * One tile's predicted value of one gene: the long-format row of an expression map.
 *
 * @param slideId   the tile's slide
 * @param tileIndex the tile's index in its slide (the store's {@code tile_index})
 * @param gene      the gene
 * @param value     the prediction, on the scale of the slide targets the model was fitted to
 */
public record TileExpression(String slideId, int tileIndex, String gene, double value) {
    public TileExpression {
        Objects.requireNonNull(slideId, "slideId");
        Objects.requireNonNull(gene, "gene");
        if (tileIndex < 0) {
            throw new IllegalArgumentException("tile index must be >= 0, got " + tileIndex + " in slide " + slideId);
        }
    }
}
