package org.tessera.heads;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.splits.Split;
import org.tessera.splits.Splits;
import org.tessera.splits.Unit;

/**
 * A known answer for the genome-wide path: 150 patients with 2 slides each, 40 embedding features (a
 * patient effect plus slide noise); 30 genes are linear in one of three known embedding directions plus
 * noise (signal variance equal to the noise's), 270 are pure noise. A patient-level hold-out (30% of the
 * patients) is predicted, each gene is tested by Spearman's rho of predicted against measured, and BH is
 * taken across the 300 genes at q = 0.1. Over 20 seeded cohorts the planted genes must be found and the
 * false discovery proportion among discoveries must average within the nominal 0.1 (BH controls it at
 * 0.1 x 270 / 300 = 0.09 for independent tests) plus a slack of 0.03 for 20 repeats.
 */
class PerGenePlantedSignalTest {
    private static final int PATIENTS = 150;
    private static final int P = 40;
    private static final int SIGNAL = 30;
    private static final int GENES = 300;
    private static final double Q = 0.1;

    private record Cohort(FeatureMatrix x, Targets y, List<Unit> units) {
    }

    private static Cohort cohort(long seed) {
        Random r = new Random(seed);
        double[][] directions = new double[3][P];
        for (double[] d : directions) {
            double norm = 0;
            for (int c = 0; c < P; c++) {
                d[c] = r.nextGaussian();
                norm += d[c] * d[c];
            }
            for (int c = 0; c < P; c++) {
                d[c] /= Math.sqrt(norm);
            }
        }
        List<String> ids = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        double[][] x = new double[2 * PATIENTS][P];
        double[][] y = new double[2 * PATIENTS][GENES];
        for (int patient = 0; patient < PATIENTS; patient++) {
            double[] effect = new double[P];
            for (int c = 0; c < P; c++) {
                effect[c] = 3 * r.nextGaussian();
            }
            for (int slide = 0; slide < 2; slide++) {
                int i = 2 * patient + slide;
                ids.add("P" + patient + "-S" + slide);
                units.add(Unit.of(ids.get(i), "P" + patient));
                for (int c = 0; c < P; c++) {
                    x[i][c] = 10 + effect[c] + r.nextGaussian();
                }
                for (int g = 0; g < GENES; g++) {
                    double signal = 0;
                    if (g < SIGNAL) {
                        double[] d = directions[g % 3];
                        for (int c = 0; c < P; c++) {
                            signal += d[c] * x[i][c];
                        }
                        signal /= Math.sqrt(10); // x . d has variance ~ 9 + 1
                    }
                    y[i][g] = 5 + signal + r.nextGaussian();
                }
            }
        }
        List<String> genes = new ArrayList<>();
        for (int g = 0; g < GENES; g++) {
            genes.add((g < SIGNAL ? "planted" : "null") + g);
        }
        return new Cohort(FeatureMatrix.of(ids, x), new Targets(genes, y), units);
    }

    @Test
    void heldOutSpearmanWithBhFindsPlantedGenesAndKeepsTheFdrAmongNullGenes() {
        double fdpSum = 0;
        int repeats = 20;
        for (int repeat = 0; repeat < repeats; repeat++) {
            Cohort c = cohort(1000 + repeat);
            Split split = Splits.holdOut("planted" + repeat, c.units(), 0.3, 1, repeat);
            int[] train = split.poolRows(c.x().slideIds());
            int[] test = split.testRows(c.x().slideIds());
            PerGeneModel model = PerGeneRidge.fit(c.x().select(train), c.y().select(train), PerGeneOptions.gcv(PerGeneOptions.logGrid(-2, 4, 13)));
            List<GeneMetric> metrics = GeneMetrics.of(c.y().select(test), model.predict(c.x().select(test)));
            int found = 0;
            int discoveries = 0;
            int falseDiscoveries = 0;
            for (int g = 0; g < GENES; g++) {
                boolean discovered = metrics.get(g).spearmanQ() <= Q;
                discoveries += discovered ? 1 : 0;
                if (g < SIGNAL) {
                    found += discovered && metrics.get(g).spearmanRho() > 0 ? 1 : 0;
                } else {
                    falseDiscoveries += discovered ? 1 : 0;
                }
            }
            assertTrue(found >= SIGNAL - 1, "repeat " + repeat + ": " + found + " of " + SIGNAL + " planted genes found");
            fdpSum += (double) falseDiscoveries / Math.max(1, discoveries);
        }
        double meanFdp = fdpSum / repeats;
        assertTrue(meanFdp <= Q + 0.03, "mean false discovery proportion " + meanFdp);
    }
}
