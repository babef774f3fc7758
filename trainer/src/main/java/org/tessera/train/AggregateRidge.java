package org.tessera.train;

import org.tessera.bundle.BundleKind;
import org.tessera.bundle.LinearWeights;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.RidgeHead;
import org.tessera.heads.RidgeOptions;
import org.tessera.heads.Targets;

/** hist2RNA's head: one multi-output ridge for all genes, one penalty chosen from a grid by leave-one-out. */
public record AggregateRidge(double[] lambdas) implements LinearHead {
    public AggregateRidge {
        lambdas = lambdas.clone();
        RidgeOptions.sharedGrid(lambdas); // validates the grid
    }

    @Override
    public String name() {
        return "aggregate-ridge";
    }

    @Override
    public double[][] fitPredict(FeatureMatrix train, Targets y, FeatureMatrix test) {
        return RidgeHead.fit(train, y, RidgeOptions.sharedGrid(lambdas)).predict(test);
    }

    @Override
    public BundleKind kind() {
        return BundleKind.AGGREGATE_RIDGE;
    }

    @Override
    public LinearWeights fit(FeatureMatrix train, Targets y) {
        return LinearWeights.of(RidgeHead.fit(train, y, RidgeOptions.sharedGrid(lambdas)));
    }
}
