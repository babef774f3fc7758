package org.tessera.heads;

/**
 * Hyper-parameters of the one-hidden-layer regressor ({@link Mlp}). Everything that affects the result is
 * here, including the seed, so a fit is reproducible from its options alone.
 *
 * @param hiddenUnits        ReLU units in the hidden layer, &gt;= 1
 * @param weightDecay        L2 penalty on the weights (not the biases), added to the gradient as
 *                           {@code weightDecay * w} (coupled, as in PyTorch's Adam {@code weight_decay}); &gt;= 0
 * @param learningRate       Adam step size, &gt; 0
 * @param epochs             maximum passes over the training rows, &gt;= 1
 * @param batchSize          rows per mini-batch, &gt;= 1 (the last batch of an epoch may be smaller)
 * @param validationFraction share of rows held out for early stopping, in [0, 0.5]; 0 trains all epochs
 * @param patience           epochs without a lower validation loss before stopping, &gt;= 1
 * @param seed               seeds the initial weights, the validation split and the batch order
 */
public record MlpOptions(int hiddenUnits, double weightDecay, double learningRate, int epochs, int batchSize,
        double validationFraction, int patience, long seed) {
    public MlpOptions {
        if (hiddenUnits < 1) {
            throw new IllegalArgumentException("hidden units must be >= 1, got " + hiddenUnits);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be finite and >= 0, got " + weightDecay);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + learningRate);
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(validationFraction >= 0 && validationFraction <= 0.5)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 0.5], got " + validationFraction);
        }
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
    }

    /** 64 hidden units, decay 1e-4, Adam at 1e-3, up to 200 epochs of batches of 32, 10% validation, patience 20. */
    public static MlpOptions defaults(long seed) {
        return new MlpOptions(64, 1e-4, 1e-3, 200, 32, 0.1, 20, seed);
    }
}
