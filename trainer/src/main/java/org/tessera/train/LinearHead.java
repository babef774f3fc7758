package org.tessera.train;

import org.tessera.bundle.BundleKind;
import org.tessera.bundle.LinearWeights;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.heads.Targets;

/**
 * A head whose fitted model is linear in the features ({@code x . W + b}), so it can be saved as a bundle and
 * applied to new slides by {@code tessera score}. {@link #fitPredict} and {@link #fit} fit the same model.
 */
public interface LinearHead extends Head {
    /** The bundle kind this head's weights are written as. */
    BundleKind kind();

    /** The model fitted on {@code train} and {@code y}, as original-scale weights with the genes as outputs. */
    LinearWeights fit(FeatureMatrix train, Targets y);
}
