package org.tessera.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.GeneMetric;
import org.tessera.heads.GeneMetrics;
import org.tessera.heads.Targets;

/**
 * The tile-level ridge on a seeded synthetic cohort: 120 slides, each with a latent state z ~ N(0, I_3) and
 * 20 to 60 tiles whose 16 features are A z + N(0, 2^2) noise per tile (A fixed, standard normal); genes
 * signal1 = z0 + N(0, 0.2^2), signal2 = z1 - z2 + N(0, 0.2^2) and noise ~ N(0, 1) per slide. The first 80
 * slides train, the last 40 are held out.
 */
class TileRegressionTest {
    private static final List<String> GENES = List.of("signal1", "signal2", "noise");
    private static final double[] GRID = {1, 10, 100, 1000, 10000};
    private static FeatureMatrix trainTiles;
    private static FeatureMatrix testTiles;
    private static final Map<String, double[]> TARGETS = new HashMap<>();
    private static final List<String> TEST_SLIDES = new ArrayList<>();

    @BeforeAll
    static void cohort() {
        TARGETS.clear();
        TEST_SLIDES.clear();
        Random random = new Random(4242);
        double[][] a = new double[16][3];
        for (double[] row : a) {
            for (int k = 0; k < 3; k++) {
                row[k] = random.nextGaussian();
            }
        }
        trainTiles = slides(random, a, 0, 80);
        testTiles = slides(random, a, 80, 120);
    }

    private static FeatureMatrix slides(Random random, double[][] a, int from, int to) {
        List<String> ids = new ArrayList<>();
        List<Integer> tiles = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int s = from; s < to; s++) {
            String slide = "S" + s;
            double[] z = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            TARGETS.put(slide, new double[] {z[0] + 0.2 * random.nextGaussian(), z[1] - z[2] + 0.2 * random.nextGaussian(),
                random.nextGaussian()});
            if (s >= 80) {
                TEST_SLIDES.add(slide);
            }
            int count = 20 + random.nextInt(41);
            for (int t = 0; t < count; t++) {
                double[] f = new double[16];
                for (int c = 0; c < 16; c++) {
                    f[c] = a[c][0] * z[0] + a[c][1] * z[1] + a[c][2] * z[2] + 2 * random.nextGaussian();
                }
                ids.add(slide);
                tiles.add(t);
                rows.add(f);
            }
        }
        double[] values = new double[rows.size() * 16];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * 16, 16);
        }
        return new FeatureMatrix(ids, null, tiles.stream().mapToInt(Integer::intValue).toArray(), 16, values);
    }

    @Test
    void slidePredictionIsExactlyTheMeanOfItsTilePredictions() {
        TileRegressionModel model = TileRegression.fit(trainTiles, TARGETS, GENES, GRID);
        double[][] perTile = model.predictTiles(testTiles);
        SlidePredictions slides = model.predictSlides(testTiles);
        assertEquals(TEST_SLIDES, slides.slideIds(), "first-seen order");
        for (String slide : TEST_SLIDES) {
            double[] sum = new double[GENES.size()];
            int count = 0;
            for (int i = 0; i < testTiles.rows(); i++) {
                if (testTiles.slideId(i).equals(slide)) {
                    count++;
                    for (int j = 0; j < sum.length; j++) {
                        sum[j] += perTile[i][j];
                    }
                }
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] /= count;
            }
            assertArrayEquals(sum, slides.slide(slide), 0.0, slide);
        }
    }

    @Test
    void heldOutSlidesRankTheSignalGenes() {
        TileRegressionModel model = TileRegression.fit(trainTiles, TARGETS, GENES, GRID);
        SlidePredictions slides = model.predictSlides(testTiles);
        double[][] observed = TEST_SLIDES.stream().map(TARGETS::get).toArray(double[][]::new);
        List<GeneMetric> metrics = GeneMetrics.of(new Targets(GENES, observed), slides.values());
        for (int j = 0; j < 2; j++) {
            assertTrue(metrics.get(j).spearmanRho() > 0.8, metrics.get(j) + " lambda " + model.lambda());
        }
        assertTrue(Math.abs(metrics.get(2).spearmanRho()) < 0.4, metrics.get(2).toString());
    }

    @Test
    void tileExpressionsCarrySlideTileAndGene() {
        TileRegressionModel model = TileRegression.fit(trainTiles, TARGETS, GENES, GRID);
        List<TileExpression> map = model.tileExpressions(testTiles);
        assertEquals(testTiles.rows() * 3, map.size());
        TileExpression fifth = map.get(3 * 4 + 1);
        assertEquals(new TileExpression(testTiles.slideId(4), testTiles.tileIndex(4), "signal2",
                model.predictTiles(testTiles)[4][1]), fifth);
    }

    @Test
    void aSlideWithoutTargetsIsNamed() {
        Map<String, double[]> partial = new HashMap<>(TARGETS);
        partial.remove("S3");
        var e = assertThrows(IllegalArgumentException.class, () -> TileRegression.fit(trainTiles, partial, GENES, GRID));
        assertEquals("no targets for slide S3 (tile 0)", e.getMessage());
        var slideLevel = FeatureMatrix.of(List.of("S0", "S1", "S2"), new double[3][2]);
        assertThrows(IllegalArgumentException.class, () -> TileRegression.fit(slideLevel, TARGETS, GENES, GRID));
    }
}
