package org.tessera.heads.tile;

import java.util.List;
import java.util.Objects;

/**
 * One slide's scores: for each split and for the ensemble, the fraction of its tiles predicted positive.
 *
 * @param slide         the slide id
 * @param patient       its patient
 * @param trait         its trait value
 * @param band          its percentile band
 * @param set           the part it played
 * @param splitScores   the score under each split's model, in split order, each in [0, 1]
 * @param ensembleScore the fraction of its tiles whose ensemble vote is positive
 * @param tiles         its number of tiles, at least 1
 */
public record SlideScore(String slide, String patient, double trait, TraitBand band, SlideSet set, List<Double> splitScores,
        double ensembleScore, int tiles) {
    public SlideScore {
        Objects.requireNonNull(slide, "slide");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(set, "set");
        splitScores = List.copyOf(splitScores);
        if (!(ensembleScore >= 0 && ensembleScore <= 1) || tiles < 1) {
            throw new IllegalArgumentException("slide " + slide + ": score must be in [0, 1] and tiles >= 1, got " + ensembleScore
                    + " and " + tiles);
        }
    }
}
