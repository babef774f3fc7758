package org.tessera.heads.tile;

/**
 * The ensemble's call on one tile, for maps.
 *
 * @param slide       the slide id
 * @param tileIndex   the tile's index in the slide (the store's tile_index)
 * @param probability the mean probability of the ensemble's models
 * @param vote        true when more than half of the ensemble's models predict positive
 */
public record TilePrediction(String slide, int tileIndex, double probability, boolean vote) {
    public TilePrediction {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("tile " + tileIndex + " of slide " + slide + ": probability " + probability);
        }
    }
}
