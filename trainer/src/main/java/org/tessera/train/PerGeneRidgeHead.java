package org.tessera.train;

import org.tessera.bundle.BundleKind;
import org.tessera.bundle.LinearWeights;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.PerGeneOptions;
import org.tessera.heads.PerGeneRidge;
import org.tessera.heads.Targets;

/** EMO's gene-specific optimisation without the GPU-years: each gene's own penalty, by GCV, from one SVD. */
public record PerGeneRidgeHead(double[] lambdas) implements LinearHead {
    public PerGeneRidgeHead {
        lambdas = lambdas.clone();
        PerGeneOptions.gcv(lambdas); // validates the grid
    }

    @Override
    public String name() {
        return "per-gene-ridge";
    }

    @Override
    public double[][] fitPredict(FeatureMatrix train, Targets y, FeatureMatrix test) {
        return PerGeneRidge.fit(train, y, PerGeneOptions.gcv(lambdas)).predict(test);
    }

    @Override
    public BundleKind kind() {
        return BundleKind.PER_GENE_RIDGE;
    }

    @Override
    public LinearWeights fit(FeatureMatrix train, Targets y) {
        return LinearWeights.of(PerGeneRidge.fit(train, y, PerGeneOptions.gcv(lambdas)));
    }
}
