package org.tessera.tma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tessera.tissue.Components;
import org.tessera.tissue.TissueMask;

/**
 * Cores are the connected components (8-connected) of the tissue mask whose area is that of a core: within a
 * factor of 4 of the expected core area, which is given (from the core diameter) or taken as the median area of
 * the components larger than 1% of the largest. Smaller components are debris and ignored (counted); larger ones
 * (touching cores, a tissue fold) are returned among {@link Found#oversized()} and reported.
 */
public final class CoreFinder {
    static final double SIZE_FACTOR = 4;

    /** Cores, components too large to be one core, and the number of small components ignored. */
    public record Found(List<Core> cores, List<Core> oversized, int debris, double expectedArea) {
        public Found {
            cores = List.copyOf(cores);
            oversized = List.copyOf(oversized);
        }
    }

    private CoreFinder() {
    }

    /** @param expectedArea level-0 pixels squared, or 0 to estimate it from the components */
    public static Found find(TissueMask mask, double expectedArea) {
        int w = mask.width();
        int h = mask.height();
        boolean[] tissue = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                tissue[y * w + x] = mask.isTissue(x, y);
            }
        }
        Components c = Components.label(tissue, w, h, true, true);
        int n = c.sizes().length;
        double[] sx = new double[n];
        double[] sy = new double[n];
        for (int i = 0; i < tissue.length; i++) {
            int l = c.labels()[i];
            if (l > 0) {
                sx[l] += i % w + 0.5;
                sy[l] += i / w + 0.5;
            }
        }
        double ds = mask.downsample();
        double pixelArea = ds * ds;
        double expected = expectedArea > 0 ? expectedArea : median(c.sizes()) * pixelArea;
        List<Core> cores = new ArrayList<>();
        List<Core> oversized = new ArrayList<>();
        int debris = 0;
        for (int l = 1; l < n; l++) {
            double area = c.sizes()[l] * pixelArea;
            Core core = new Core(sx[l] / c.sizes()[l] * ds, sy[l] / c.sizes()[l] * ds, area);
            if (area < expected / SIZE_FACTOR) {
                debris++;
            } else if (area > expected * SIZE_FACTOR) {
                oversized.add(core);
            } else {
                cores.add(core);
            }
        }
        return new Found(cores, oversized, debris, expected);
    }

    /** Median size of the components larger than 1% of the largest (label 0 excluded). */
    private static double median(int[] sizes) {
        int largest = Arrays.stream(sizes, 1, sizes.length).max().orElse(0);
        int[] big = Arrays.stream(sizes, 1, sizes.length).filter(s -> s > largest / 100.0).sorted().toArray();
        if (big.length == 0) {
            return 1;
        }
        return big.length % 2 == 1 ? big[big.length / 2] : (big[big.length / 2 - 1] + big[big.length / 2]) / 2.0;
    }
}
