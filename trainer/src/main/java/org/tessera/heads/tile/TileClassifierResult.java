package org.tessera.heads.tile;

import java.util.List;
import java.util.Objects;
import org.tessera.splits.Split;

/**
 * Everything a PathoMCH-style run produces.
 *
 * @param labels          the percentile bands of every slide
 * @param testSplit       the split of the labelled slides into test set and pool
 * @param splits          the train/validation splits and their models, in index order
 * @param ensemble        indices of the splits in the ensemble, best validation AUC first
 * @param ensembleMetrics the ensemble's results on test and OOD sets
 * @param slides          every slide's scores, in the matrix's slide order
 * @param tiles           every tile's ensemble call, in the matrix's row order
 */
public record TileClassifierResult(TraitLabels labels, Split testSplit, List<SplitResult> splits, List<Integer> ensemble,
        SetMetrics ensembleMetrics, List<SlideScore> slides, List<TilePrediction> tiles) {
    public TileClassifierResult {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(testSplit, "testSplit");
        Objects.requireNonNull(ensembleMetrics, "ensembleMetrics");
        splits = List.copyOf(splits);
        ensemble = List.copyOf(ensemble);
        slides = List.copyOf(slides);
        tiles = List.copyOf(tiles);
    }
}
