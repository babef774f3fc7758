package org.tessera.train;

import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.Targets;

/** A regressor fitted on one fold's training rows and applied to its held-out rows. */
public interface Head {
    /** Short name recorded with the run, e.g. {@code aggregate-ridge}. */
    String name();

    /** Predictions for {@code test} (rows x genes), from a model fitted on {@code train} and {@code y}. */
    double[][] fitPredict(FeatureMatrix train, Targets y, FeatureMatrix test);
}
