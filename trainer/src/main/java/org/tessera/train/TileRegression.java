package org.tessera.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.RidgeHead;
import org.tessera.heads.RidgeOptions;
import org.tessera.heads.Targets;

/**
 * EMO's tile-level model: every tile inherits its slide's expression, one multi-output ridge is fitted on
 * tile rows, and a slide is predicted as the mean of its tiles' predictions, which also gives a map of each
 * gene over the slide. Unlike {@link Head}s, which see one row per slide, this fits and predicts on tile
 * matrices, so it has its own entry point.
 *
 * <p>The penalty is shared by all genes and chosen from the grid by exact leave-one-<em>tile</em>-out (the
 * {@link RidgeHead} convention). Tiles of one slide share their target, so this estimate is optimistic and
 * leans towards smaller penalties than leaving out whole slides would; a grid with no very small values
 * keeps that in check.
 */
public final class TileRegression {
    private TileRegression() {
    }

    /**
     * Fits ridge on the tiles of {@code tiles}, each with its slide's targets.
     *
     * @param tiles        a tile-level matrix (slide ids repeat, tile indices set)
     * @param slideTargets each slide's values of {@code genes}, in that order; must cover every slide of {@code tiles}
     * @param genes        the genes, distinct
     * @param lambdas      the penalty grid (see {@link RidgeOptions#sharedGrid})
     * @throws IllegalArgumentException if {@code tiles} is slide-level, a slide has no targets or the wrong
     *                                  number of them, or the fit's own checks fail
     */
    public static TileRegressionModel fit(FeatureMatrix tiles, Map<String, double[]> slideTargets, List<String> genes,
            double[] lambdas) {
        Objects.requireNonNull(tiles, "tiles");
        Objects.requireNonNull(slideTargets, "slideTargets");
        Objects.requireNonNull(genes, "genes");
        RidgeOptions options = RidgeOptions.sharedGrid(lambdas);
        if (!tiles.isTileLevel()) {
            throw new IllegalArgumentException("tile regression needs a tile-level matrix, got " + tiles);
        }
        double[][] values = new double[tiles.rows()][];
        for (int i = 0; i < values.length; i++) {
            String slide = tiles.slideId(i);
            double[] target = slideTargets.get(slide);
            if (target == null) {
                throw new IllegalArgumentException("no targets for slide " + slide + " (tile " + tiles.tileIndex(i) + ")");
            }
            if (target.length != genes.size()) {
                throw new IllegalArgumentException("slide " + slide + " has " + target.length + " target values for "
                        + genes.size() + " genes " + genes);
            }
            values[i] = target;
        }
        return new TileRegressionModel(RidgeHead.fit(tiles, new Targets(genes, values), options));
    }

    /** The row-wise mean of {@code perTile} per slide, slides in first-seen order; sums run in row order. */
    static SlidePredictions meanPerSlide(FeatureMatrix tiles, List<String> genes, double[][] perTile) {
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int i = 0; i < tiles.rows(); i++) {
            rowOf.putIfAbsent(tiles.slideId(i), rowOf.size());
        }
        double[][] sums = new double[rowOf.size()][genes.size()];
        int[] counts = new int[rowOf.size()];
        for (int i = 0; i < tiles.rows(); i++) {
            int r = rowOf.get(tiles.slideId(i));
            counts[r]++;
            for (int j = 0; j < genes.size(); j++) {
                sums[r][j] += perTile[i][j];
            }
        }
        for (int r = 0; r < sums.length; r++) {
            for (int j = 0; j < genes.size(); j++) {
                sums[r][j] /= counts[r];
            }
        }
        return new SlidePredictions(List.copyOf(rowOf.keySet()), genes, sums);
    }
}
