package org.tessera.train;

import java.util.Objects;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.Mlp;
import org.tessera.heads.MlpOptions;
import org.tessera.heads.Targets;

/** hist2RNA's non-linear head: a small fully connected network (one ReLU layer) predicting all genes at once. */
public record MlpHead(MlpOptions options) implements Head {
    public MlpHead {
        Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public double[][] fitPredict(FeatureMatrix train, Targets y, FeatureMatrix test) {
        return Mlp.fit(train, y, options).predict(test);
    }
}
