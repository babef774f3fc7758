package org.tessera.tissue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The median filter's min/max network is exact: proven on zeros and ones (a comparator network that selects
 * the median of every 0-1 input selects it of every input, the 0-1 principle), then compared with a
 * brute-force median on random images, with many ties and without.
 */
class MedianNetworkTest {

    @Test
    void columnStageSortsEveryZeroOneColumn() {
        for (int k = 3; k <= MedianNetwork.MAX_KERNEL; k += 2) {
            MinMaxProgram columns = MedianNetwork.of(k).columns();
            for (int bits = 0; bits < 1 << k; bits++) {
                int[] column = new int[k];
                for (int i = 0; i < k; i++) {
                    column[i] = bits >> i & 1;
                }
                int[] sorted = columns.evaluate(column);
                int ones = Integer.bitCount(bits);
                for (int i = 0; i < k; i++) {
                    assertEquals(i >= k - ones ? 1 : 0, sorted[i], "k " + k + " column " + bits);
                }
            }
        }
    }

    @Test
    void windowStageSelectsTheMedianOfEverySortedZeroOneWindow() {
        for (int k = 3; k <= MedianNetwork.MAX_KERNEL; k += 2) {
            MinMaxProgram windows = MedianNetwork.of(k).windows();
            int[] ones = new int[k];
            int[] window = new int[k * k]; // rank i of column j at i * k + j
            int cases = (int) Math.pow(k + 1, k);
            for (int c = 0; c < cases; c++) {
                int total = 0;
                for (int j = 0, rest = c; j < k; j++, rest /= k + 1) {
                    ones[j] = rest % (k + 1);
                    total += ones[j];
                    for (int i = 0; i < k; i++) {
                        window[i * k + j] = i >= k - ones[j] ? 1 : 0; // column j sorted ascending
                    }
                }
                int expected = total > (k * k - 1) / 2 ? 1 : 0;
                assertEquals(expected, windows.evaluate(window)[0], "k " + k + " ones per column "
                        + java.util.Arrays.toString(ones));
            }
        }
    }

    @Test
    void filterEqualsTheBruteForceMedian() {
        Random random = new Random(4);
        for (int[] size : RandomMasks.SIZES) {
            for (int levels : new int[] {2, 5, 256}) {
                int w = size[0];
                int h = size[1];
                int[] image = RandomMasks.image(random, w, h, levels);
                for (int k = 1; k <= 9; k += 2) {
                    String what = w + "x" + h + " levels " + levels + " k " + k;
                    int[] expected = TissueReference.median(image, w, h, k);
                    assertArrayEquals(expected, SaturationImage.median(image, w, h, k), what);
                    if (k > 1) {
                        assertArrayEquals(expected, SaturationImage.slidingHistogram(image, w, h, k), what);
                    }
                }
            }
        }
    }

    @Test
    void saturationTableEqualsTheFormulaForEveryChannelTriple() {
        int[] rgb = new int[1 << 16];
        for (int red = 0; red < 256; red++) {
            for (int p = 0; p < rgb.length; p++) {
                rgb[p] = red << 16 | p;
            }
            assertArrayEquals(TissueReference.saturation(rgb), SaturationImage.of(rgb), "red " + red);
        }
    }

    @Test
    void saturationIsFilteredWithoutItsImage() {
        Random random = new Random(5);
        for (int[] size : RandomMasks.SIZES) {
            int w = size[0];
            int h = size[1];
            int[] rgb = new int[w * h];
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = random.nextInt();
            }
            for (int k = 1; k <= 9; k += 2) {
                int[] expected = TissueReference.median(TissueReference.saturation(rgb), w, h, k);
                byte[] actual = SaturationImage.medianOfRgb(rgb, w, h, k);
                for (int i = 0; i < rgb.length; i++) {
                    assertEquals(expected[i], actual[i] & 0xFF, w + "x" + h + " k " + k + " pixel " + i);
                }
            }
        }
    }
}
