package org.tessera.heads;

import java.util.List;
import java.util.Objects;

/**
 * Options of {@link PerGeneRidge}: the penalty grid each gene chooses from, the criterion it chooses by, and
 * how many genes are processed together (which bounds the working memory: a few n x block and rank x block
 * double matrices, 16 MB each for 1,000 rows and 2,000 genes).
 *
 * @param lambdas   penalties on the standardised features, as {@link RidgeOptions#lambdas()} (finite, &gt; 0,
 *                  distinct); ties between them go to the earlier
 * @param criterion how each gene's penalty is chosen
 * @param blockSize genes per block, &gt;= 1
 */
public record PerGeneOptions(List<Double> lambdas, PenaltyCriterion criterion, int blockSize) {
    /** Genes per block unless told otherwise. */
    public static final int DEFAULT_BLOCK = 2_000;

    public PerGeneOptions {
        lambdas = new RidgeOptions(lambdas, true).lambdas(); // the same checks and messages as RidgeHead's grid
        Objects.requireNonNull(criterion, "criterion");
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be >= 1 gene, got " + blockSize);
        }
    }

    /** A grid chosen from by generalised cross-validation, the default for genome-wide fits. */
    public static PerGeneOptions gcv(double... lambdas) {
        return new PerGeneOptions(RidgeOptions.perOutput(lambdas).lambdas(), PenaltyCriterion.GCV, DEFAULT_BLOCK);
    }

    /** A grid chosen from by exact leave-one-out error, as scikit-learn's {@code RidgeCV}. */
    public static PerGeneOptions leaveOneOut(double... lambdas) {
        return new PerGeneOptions(RidgeOptions.perOutput(lambdas).lambdas(), PenaltyCriterion.LEAVE_ONE_OUT, DEFAULT_BLOCK);
    }

    /** {@code count} penalties evenly spaced in log10 from {@code 10^fromExponent} to {@code 10^toExponent}. */
    public static double[] logGrid(double fromExponent, double toExponent, int count) {
        if (count < 2 || !(toExponent > fromExponent)) {
            throw new IllegalArgumentException("a log grid needs count >= 2 and from < to, got " + count + " from "
                    + fromExponent + " to " + toExponent);
        }
        double[] grid = new double[count];
        for (int i = 0; i < count; i++) {
            grid[i] = Math.pow(10, fromExponent + (toExponent - fromExponent) * i / (count - 1));
        }
        return grid;
    }

    public PerGeneOptions withBlockSize(int genes) {
        return new PerGeneOptions(lambdas, criterion, genes);
    }

    double[] lambdaArray() {
        return lambdas.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
