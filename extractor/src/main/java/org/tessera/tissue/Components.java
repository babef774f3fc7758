package org.tessera.tissue;

import java.util.Arrays;

/**
 * Connected components of the pixels equal to {@code value} in a binary mask. Labels start at 1, in the
 * raster order of each component's first pixel; 0 marks pixels of the other value. Used for mask cleaning
 * here and for finding tissue microarray cores ({@code org.tessera.tma}).
 */
public record Components(int[] labels, int[] sizes, boolean[] touchesBorder) {

    public static Components label(boolean[] mask, int width, int height, boolean value, boolean eightConnected) {
        RunComponents runs = RunComponents.of(mask, width, height, value, eightConnected);
        int[] labels = new int[mask.length];
        for (int i = 0; i < runs.runs(); i++) {
            Arrays.fill(labels, runs.start(i), runs.end(i), runs.label(i));
        }
        return new Components(labels, runs.sizes(), runs.touchesBorderByLabel());
    }
}
