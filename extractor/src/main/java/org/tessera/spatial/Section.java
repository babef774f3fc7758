package org.tessera.spatial;

import java.util.List;
import java.util.Objects;

/**
 * One spatial transcriptomics section: spots (array position and pixel centre) and their raw counts.
 * {@code counts[s][g]} is the UMI count of gene {@code genes.get(g)} in spot {@code s}.
 */
public record Section(String name, List<Spot> spots, List<String> genes, int[][] counts) {
    public Section {
        Objects.requireNonNull(name, "name");
        spots = List.copyOf(spots);
        genes = List.copyOf(genes);
        if (counts.length != spots.size()) {
            throw new IllegalArgumentException(name + ": " + spots.size() + " spots but " + counts.length + " count rows");
        }
        for (int[] row : counts) {
            if (row.length != genes.size()) {
                throw new IllegalArgumentException(name + ": a count row has " + row.length + " values for " + genes.size() + " genes");
            }
        }
    }

    /** A spot: its id ("XxY" array coordinates in the legacy layout) and centre in image pixels. */
    public record Spot(String id, int arrayX, int arrayY, double pixelX, double pixelY) {
    }

    /** Total UMI count of each spot (library size). */
    public long[] librarySizes() {
        long[] out = new long[counts.length];
        for (int s = 0; s < counts.length; s++) {
            for (int v : counts[s]) {
                out[s] += v;
            }
        }
        return out;
    }
}
