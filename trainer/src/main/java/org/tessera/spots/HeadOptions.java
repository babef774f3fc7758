package org.tessera.spots;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The spot head's hyper-parameters: PCA components (HEST uses 256), the ridge penalty grid, and how the
 * penalty is chosen: by inner leave-one-section-out over the training sections ({@link Choice#INNER_CV}, by
 * {@link Criterion}), or HEST's fixed {@code alpha = 100 / (components * genes)} without intercept
 * ({@link Choice#HEST}, the grid unused).
 */
public record HeadOptions(int components, double[] lambdas, Choice choice, Criterion criterion) {
    /** How the penalty is chosen. */
    public enum Choice {
        INNER_CV("inner-cv"), HEST("hest");

        private final String label;

        Choice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static Choice parse(String text) {
            return Arrays.stream(values()).filter(c -> c.label.equals(text.strip().toLowerCase(Locale.ROOT))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("lambda choice must be inner-cv or hest, got '" + text + "'"));
        }
    }

    /** What inner cross-validation maximises: mean Pearson over genes, or minus the mean squared error. */
    public enum Criterion {
        PEARSON, MSE
    }

    public HeadOptions {
        if (components < 1) {
            throw new IllegalArgumentException("PCA components must be >= 1, got " + components);
        }
        Objects.requireNonNull(choice, "choice");
        Objects.requireNonNull(criterion, "criterion");
        lambdas = lambdas.clone();
        if (choice == Choice.INNER_CV && lambdas.length == 0) {
            throw new IllegalArgumentException("inner-cv needs at least one lambda");
        }
        for (double l : lambdas) {
            if (!(l > 0) || Double.isInfinite(l)) {
                throw new IllegalArgumentException("lambdas must be positive and finite, got " + l);
            }
        }
    }

    /** 256 components, lambdas 1e-2 .. 1e5 (one per decade), inner-CV by Pearson. */
    public static HeadOptions defaults() {
        return new HeadOptions(256, new double[] {1e-2, 1e-1, 1, 10, 100, 1e3, 1e4, 1e5}, Choice.INNER_CV, Criterion.PEARSON);
    }

    /** HEST's fixed penalty for a ridge on {@code features} inputs and {@code targets} outputs. */
    public static double hestAlpha(int features, int targets) {
        return 100.0 / ((double) features * targets);
    }

}
