package org.tessera.backbone;

import java.nio.file.Path;
import java.util.List;
import org.tessera.testkit.Shared;

/** Builtin cards, their model files in the shared folder, and card variants for the rejection tests. */
final class TestCards {

    private TestCards() {
    }

    static BackboneCard mobilenet() throws BackboneException {
        return BackboneCard.builtin("mobilenet_v2_imagenet");
    }

    static Path modelFile(BackboneCard card) {
        return Shared.path("models/" + card.model());
    }

    static BackboneCard withNames(BackboneCard c, String inputName, String outputName, int dimension) {
        return new BackboneCard(c.name(), c.model(), inputName, c.inputSize(), c.channelOrder(), c.mean(), c.std(),
                outputName, dimension, c.sha256(), c.description(), c.licence());
    }

    static BackboneCard withSha(BackboneCard c, String sha256) {
        return new BackboneCard(c.name(), c.model(), c.inputName(), c.inputSize(), c.channelOrder(), c.mean(),
                c.std(), c.outputName(), c.dimension(), sha256, c.description(), c.licence());
    }

    static BackboneCard withPreprocessing(BackboneCard c, ChannelOrder order, List<Double> mean, List<Double> std) {
        return new BackboneCard(c.name(), c.model(), c.inputName(), c.inputSize(), order, mean, std,
                c.outputName(), c.dimension(), c.sha256(), c.description(), c.licence());
    }
}
