package org.tessera.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.RidgeModel;

/**
 * A fitted tile-level ridge ({@link TileRegression#fit}): per-tile predictions for maps, and slide predictions
 * as their mean. Ridge is linear, so the mean of the tiles' predictions equals the prediction of the mean
 * tile up to rounding; the mean is taken over predictions so that slides and maps agree exactly.
 */
public final class TileRegressionModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RidgeModel ridge;

    TileRegressionModel(RidgeModel ridge) {
        this.ridge = Objects.requireNonNull(ridge, "ridge");
    }

    /** Predictions per row of {@code tiles}: rows x genes, in the order of {@link #genes()}. */
    public double[][] predictTiles(FeatureMatrix tiles) {
        return ridge.predict(tiles);
    }

    /** The mean of each slide's tile predictions, slides in the order they first appear in {@code tiles}. */
    public SlidePredictions predictSlides(FeatureMatrix tiles) {
        return TileRegression.meanPerSlide(tiles, genes(), predictTiles(tiles));
    }

    /**
     * Per-tile predictions in long format (tile by tile, genes in order within a tile), for maps.
     *
     * @throws IllegalArgumentException if {@code tiles} is not tile-level
     */
    public List<TileExpression> tileExpressions(FeatureMatrix tiles) {
        if (!tiles.isTileLevel()) {
            throw new IllegalArgumentException("tile maps need a tile-level matrix, got " + tiles);
        }
        double[][] p = predictTiles(tiles);
        List<String> genes = genes();
        List<TileExpression> out = new ArrayList<>(p.length * genes.size());
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < genes.size(); j++) {
                out.add(new TileExpression(tiles.slideId(i), tiles.tileIndex(i), genes.get(j), p[i][j]));
            }
        }
        return out;
    }

    public List<String> genes() {
        return ridge.outputNames();
    }

    /** The shared penalty chosen by leave-one-tile-out. */
    public double lambda() {
        return ridge.lambdas()[0];
    }

    /** The underlying ridge on tile features (coefficients, intercepts, leave-one-out record). */
    public RidgeModel ridge() {
        return ridge;
    }
}
