package org.tessera.survival;

/**
 * Harrell's concordance with R's pair counts ({@code concordance()$count}). Among comparable pairs, a pair
 * is concordant when the patient with the earlier event has the higher risk. C = (concordant + tiedX / 2) /
 * (concordant + discordant + tiedX); pairs tied in time (tiedY, tiedXY) are counted but do not enter C.
 *
 * @param concordant  comparable pairs ordered as predicted
 * @param discordant  comparable pairs ordered against the prediction
 * @param tiedX       comparable pairs with equal predictions
 * @param tiedY       pairs of events at the same time with different predictions
 * @param tiedXY      pairs of events at the same time with equal predictions
 * @param concordance C, in [0, 1]
 */
public record ConcordanceResult(long concordant, long discordant, long tiedX, long tiedY, long tiedXY,
        double concordance) {
    public ConcordanceResult {
        if (concordant < 0 || discordant < 0 || tiedX < 0 || tiedY < 0 || tiedXY < 0) {
            throw new IllegalArgumentException("pair counts must be >= 0: " + concordant + ", " + discordant + ", "
                    + tiedX + ", " + tiedY + ", " + tiedXY);
        }
        if (!(concordance >= 0 && concordance <= 1)) {
            throw new IllegalArgumentException("concordance must be in [0, 1]: " + concordance);
        }
    }

    /** Builds the result from counts; at least one comparable pair is needed. */
    static ConcordanceResult of(long concordant, long discordant, long tiedX, long tiedY, long tiedXY) {
        long comparable = concordant + discordant + tiedX;
        if (comparable == 0) {
            throw new IllegalArgumentException("no comparable pairs (an event before another patient's time); "
                    + "concordance is undefined");
        }
        return new ConcordanceResult(concordant, discordant, tiedX, tiedY, tiedXY,
                (concordant + tiedX / 2.0) / comparable);
    }
}
