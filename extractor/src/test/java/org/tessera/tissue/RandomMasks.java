package org.tessera.tissue;

import java.util.Random;

/**
 * Test helper: random binary masks and 8-bit images of awkward sizes (single rows and columns, tiny and odd
 * shapes, a few larger ones), for comparing the fast implementations with {@link TissueReference}.
 */
final class RandomMasks {
    /** {width, height} pairs: 1x1, 1xN, Nx1, tiny, odd and a few larger shapes. */
    static final int[][] SIZES = {
        {1, 1}, {1, 2}, {2, 1}, {1, 17}, {23, 1}, {2, 2}, {3, 2}, {2, 5}, {4, 4}, {5, 3}, {7, 9},
        {13, 6}, {31, 33}, {64, 17}, {65, 40}, {120, 97},
    };

    private RandomMasks() {
    }

    /** Receives one random mask and a description of it for assertion messages. */
    interface MaskCheck {
        void check(boolean[] mask, int width, int height, String what);
    }

    /** Runs {@code check} on a noisy and a blobby mask of every size in {@link #SIZES} at every density. */
    static void forEach(long seed, double[] densities, MaskCheck check) {
        Random random = new Random(seed);
        for (int[] size : SIZES) {
            for (double density : densities) {
                for (boolean blobby : new boolean[] {false, true}) {
                    boolean[] mask = mask(random, size[0], size[1], density, blobby);
                    check.check(mask, size[0], size[1],
                            size[0] + "x" + size[1] + " density " + density + (blobby ? " blobs" : " noise"));
                }
            }
        }
    }

    /** A mask with pixels set with probability {@code density}, in blobs when {@code blobby}. */
    static boolean[] mask(Random random, int width, int height, double density, boolean blobby) {
        boolean[] m = new boolean[width * height];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.nextDouble() < density;
        }
        if (blobby) {
            // a majority vote over 3x3 turns noise into blobs with holes, closer to tissue masks
            boolean[] b = new boolean[m.length];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int n = 0;
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int xx = x + dx;
                            int yy = y + dy;
                            if (xx >= 0 && yy >= 0 && xx < width && yy < height && m[yy * width + xx]) {
                                n++;
                            }
                        }
                    }
                    b[y * width + x] = n >= 5;
                }
            }
            return b;
        }
        return m;
    }

    /** Values in {@code 0..levels-1}: few levels make many ties. */
    static int[] image(Random random, int width, int height, int levels) {
        int[] v = new int[width * height];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextInt(levels);
        }
        return v;
    }
}
