package org.tessera.stain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

/**
 * Macenko normalisation against a numpy reference on a real TCGA-BRCA tile (224x224, 0.25 um/px).
 *
 * <p>Reference ({@code /usr/bin/python3 macenko_ref.py <tile.png>}), HEnorm_python with the two documented
 * changes (sign convention, rounding):
 * <pre>
 * Io, alpha, beta = 240, 1, 0.15
 * HERef = np.array([[0.5626, 0.2159], [0.7201, 0.8012], [0.4062, 0.5581]]); maxCRef = np.array([1.9705, 1.0308])
 * img = np.asarray(Image.open(sys.argv[1]).convert('RGB')).astype(np.float64); h, w, _ = img.shape
 * OD = -np.log((img.reshape(-1, 3) + 1) / Io)
 * ODhat = OD[~np.any(OD &lt; beta, axis=1)]
 * ev, V = np.linalg.eigh(np.cov(ODhat.T))
 * if V[:, 2].sum() &lt; 0: V[:, 2] *= -1
 * if V[0, 1] &lt; 0: V[:, 1] *= -1
 * That = ODhat.dot(V[:, 1:3]); phi = np.arctan2(That[:, 1], That[:, 0])
 * minPhi, maxPhi = np.percentile(phi, alpha), np.percentile(phi, 100 - alpha)
 * vMin = V[:, 1:3].dot(np.array([np.cos(minPhi), np.sin(minPhi)])); vMax = V[:, 1:3].dot(np.array([np.cos(maxPhi), np.sin(maxPhi)]))
 * HE = np.array((vMin, vMax)).T if vMin[0] &gt; vMax[0] else np.array((vMax, vMin)).T
 * C = np.linalg.lstsq(HE, OD.T, rcond=None)[0]
 * maxC = np.array([np.percentile(C[0], 99), np.percentile(C[1], 99)])
 * C2 = C / (maxC / maxCRef)[:, None]
 * out = np.clip(np.floor(Io * np.exp(-HERef.dot(C2)) + 0.5), 0, 255).T.reshape(h, w, 3).astype(np.int64)
 * </pre>
 * printed: {@code stained 37339 HE [0.614116 0.708221 0.34826 0.122745 0.905293 0.406668]
 * maxC [2.300319 1.507777]}, {@code sums [8806057, 6464639, 7980123]}, and pixels (x, y):
 * (0,0) [222,156,176], (57,31) [187,130,160], (111,111) [166,124,159], (200,13) [218,212,224],
 * (223,223) [205,156,180].
 */
class MacenkoNormalizerTest {
    private static final String TILE = "tcga-brca/tiles/TCGA-A2-A04R/"
            + "TCGA-A2-A04R-01Z-00-DX1.BE3661A3-A2A0-4248-B7D5-D8986E529B6C_x15680_y39200.png";

    private static BufferedImage tile() throws IOException {
        return ImageIO.read(Shared.path(TILE).toFile());
    }

    @Test
    void stainEstimateMatchesNumpy() throws IOException {
        BufferedImage img = tile();
        int[] rgb = img.getRGB(0, 0, 224, 224, null, 0, 224);
        StainReference s = MacenkoNormalizer.estimate(rgb, StainNormalization.MACENKO_DEFAULT).orElseThrow();
        double[] he = {s.hematoxylin().r(), s.hematoxylin().g(), s.hematoxylin().b(), s.eosin().r(), s.eosin().g(),
            s.eosin().b()};
        assertArrayEquals(new double[] {0.614116, 0.708221, 0.34826, 0.122745, 0.905293, 0.406668}, he, 1e-5);
        assertEquals(2.300319, s.maxHematoxylin(), 1e-5);
        assertEquals(1.507777, s.maxEosin(), 1e-5);
    }

    @Test
    void normalisedPixelsMatchNumpy() throws IOException {
        BufferedImage out = MacenkoNormalizer.standard().normalize(tile());
        long[] sums = new long[3];
        for (int p : out.getRGB(0, 0, 224, 224, null, 0, 224)) {
            sums[0] += (p >> 16) & 0xFF;
            sums[1] += (p >> 8) & 0xFF;
            sums[2] += p & 0xFF;
        }
        long[] expected = {8806057, 6464639, 7980123};
        for (int c = 0; c < 3; c++) {
            // channel means within 0.05 grey levels of numpy's (224*224 = 50176 pixels)
            assertEquals(expected[c], sums[c], 0.05 * 50176, "channel " + c);
        }
        int[][] probes = {{0, 0, 222, 156, 176}, {57, 31, 187, 130, 160}, {111, 111, 166, 124, 159},
            {200, 13, 218, 212, 224}, {223, 223, 205, 156, 180}};
        for (int[] q : probes) {
            int p = out.getRGB(q[0], q[1]);
            assertEquals(q[2], (p >> 16) & 0xFF, 1, "red at " + q[0] + "," + q[1]);
            assertEquals(q[3], (p >> 8) & 0xFF, 1, "green at " + q[0] + "," + q[1]);
            assertEquals(q[4], p & 0xFF, 1, "blue at " + q[0] + "," + q[1]);
        }
    }

    @Test
    void blankTileIsReturnedUnchanged() {
        BufferedImage glass = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int v = 235 + (x + y) % 8;
                glass.setRGB(x, y, v << 16 | (v - 2) << 8 | v);
            }
        }
        glass.setRGB(5, 5, 0x804080); // one stained pixel: under the 1% needed
        BufferedImage out = MacenkoNormalizer.standard().normalize(glass);
        assertArrayEquals(glass.getRGB(0, 0, 64, 64, null, 0, 64), out.getRGB(0, 0, 64, 64, null, 0, 64));
        assertTrue(MacenkoNormalizer.estimate(glass.getRGB(0, 0, 64, 64, null, 0, 64),
                StainNormalization.MACENKO_DEFAULT).isEmpty());
    }

    @Test
    void fittingATileToItselfRoughlyKeepsIt() throws IOException {
        BufferedImage img = tile();
        MacenkoNormalizer self = MacenkoNormalizer.fit(img, StainNormalization.MACENKO_DEFAULT);
        BufferedImage out = self.normalize(img);
        int[] a = img.getRGB(0, 0, 224, 224, null, 0, 224);
        int[] b = out.getRGB(0, 0, 224, 224, null, 0, 224);
        double mad = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                mad += Math.abs(((a[i] >> shift) & 0xFF) - ((b[i] >> shift) & 0xFF));
            }
        }
        mad /= 3.0 * a.length;
        // only the OD residual outside the H-E plane is lost. Reference: the script above with
        // "HERef, maxCRef = HE, maxC" before C2 and print(np.abs(out - img.reshape(h, w, 3)).mean()): 5.3400
        assertEquals(5.3400, mad, 0.05);
    }

    @Test
    void provenanceNamesMethodAndParameters() {
        assertEquals("macenko;Io=240;alpha=1;beta=0.15;minStained=0.01;"
                + "HE=[[0.5626,0.2159],[0.7201,0.8012],[0.4062,0.5581]];maxC=[1.9705,1.0308]",
                StainNormalization.MACENKO_DEFAULT.provenance());
        assertThrows(IllegalArgumentException.class,
                () -> new StainNormalization("reinhard", 240, 1, 0.15, 0.01, StainReference.MACENKO_DEFAULT));
    }
}
