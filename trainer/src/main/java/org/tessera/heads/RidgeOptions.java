package org.tessera.heads;

import java.util.Arrays;
import java.util.List;

/**
 * Ridge hyper-parameters: the penalties to try and whether each output picks its own.
 *
 * <p>The penalty lambda multiplies the squared norm of the coefficients of the <em>standardised</em>
 * features (scikit-learn's {@code alpha} on standardised X); the intercept is not penalised. With one
 * lambda that lambda is used; with several, the one with the lowest exact leave-one-out mean squared error
 * is chosen, for each output separately when {@code perOutput} (scikit-learn's {@code alpha_per_target}),
 * otherwise for all outputs together by the mean over outputs. Ties go to the earlier lambda in the list.
 *
 * @param lambdas   penalties, each finite and &gt; 0, at least one, no repeats
 * @param perOutput choose a lambda per output rather than one shared by all outputs
 */
public record RidgeOptions(List<Double> lambdas, boolean perOutput) {
    public RidgeOptions {
        if (lambdas == null || lambdas.isEmpty()) {
            throw new IllegalArgumentException("ridge needs at least one lambda, got " + lambdas);
        }
        lambdas = List.copyOf(lambdas);
        for (double lambda : lambdas) {
            if (!(lambda > 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("ridge lambdas must be finite and > 0, got " + lambda + " in " + lambdas);
            }
        }
        if (lambdas.stream().distinct().count() != lambdas.size()) {
            throw new IllegalArgumentException("ridge lambdas must not repeat, got " + lambdas);
        }
    }

    /** One lambda for every output. */
    public static RidgeOptions shared(double lambda) {
        return new RidgeOptions(List.of(lambda), false);
    }

    /** A grid of lambdas, each output choosing its own by leave-one-out error. */
    public static RidgeOptions perOutput(double... lambdas) {
        return new RidgeOptions(Arrays.stream(lambdas).boxed().toList(), true);
    }

    /** A grid of lambdas, one chosen for all outputs by their mean leave-one-out error. */
    public static RidgeOptions sharedGrid(double... lambdas) {
        return new RidgeOptions(Arrays.stream(lambdas).boxed().toList(), false);
    }

    /** The lambdas as an array, in order. */
    public double[] lambdaArray() {
        return lambdas.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
