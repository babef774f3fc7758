package org.tessera.train;

import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.PcaRidgeHead;
import org.tessera.heads.PcaRidgeOptions;
import org.tessera.heads.Targets;

/**
 * hist2RNA's aggregate head with PCA first: ridge on the top {@code components} principal-component scores
 * of the standardised features, one penalty for all genes chosen by leave-one-out.
 */
public record PcaRidge(int components, double[] lambdas) implements Head {
    public PcaRidge {
        lambdas = lambdas.clone();
        PcaRidgeOptions.sharedGrid(components, lambdas); // validates both
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    @Override
    public String name() {
        return "pca-ridge";
    }

    @Override
    public double[][] fitPredict(FeatureMatrix train, Targets y, FeatureMatrix test) {
        return PcaRidgeHead.fit(train, y, PcaRidgeOptions.sharedGrid(components, lambdas)).predict(test);
    }
}
