package org.tessera.score;

import java.sql.SQLException;
import java.util.Optional;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.BackboneException;
import org.tessera.bundle.Bundle;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureStore;

/**
 * Whether a store can give a bundle the features it was trained on. Embeddings are keyed by weights, so the
 * store's backbone of the bundle's name must have the bundle's weights sha256; the card's preprocessing
 * (input, channel order, normalisation, output) changes every embedding too, so it must match as well.
 * Description, licence and model file name are free to differ.
 */
final class Compatibility {
    private Compatibility() {
    }

    /** The store's record of the bundle's backbone, or a refusal saying what differs. */
    static BackboneRecord backbone(FeatureStore store, Bundle bundle) throws ScoreException, SQLException {
        String name = bundle.backbone().name();
        String wanted = bundle.backbone().weightsSha256();
        Optional<BackboneRecord> found = store.backbones().byName(name);
        if (found.isEmpty()) {
            throw new ScoreException("the bundle was trained on backbone '" + name + "' (weights sha256 " + wanted
                    + "), which is not registered in the store " + store.root() + "; register it with: tessera backbone add "
                    + name + " --models DIR");
        }
        BackboneRecord r = found.get();
        if (!r.weightsSha256().equals(wanted)) {
            throw new ScoreException("backbone '" + name + "' in the store " + store.root() + " has weights sha256 "
                    + r.weightsSha256() + " but the bundle was trained on weights sha256 " + wanted
                    + "; its embeddings are not the bundle's features. Register the bundle's weights under another name "
                    + "and score a store holding them");
        }
        BackboneCard stored;
        try {
            stored = BackboneCard.fromJson(r.cardJson(), "card of backbone '" + name + "' in the store " + store.root());
        } catch (BackboneException e) {
            throw new ScoreException(e.getMessage(), e);
        }
        BackboneCard trained = bundle.backbone().card();
        String field = differingField(stored, trained);
        if (field != null) {
            throw new ScoreException("backbone '" + name + "': the store's card and the bundle's card differ in " + field
                    + " (store " + value(stored, field) + ", bundle " + value(trained, field)
                    + "): same weights, different preprocessing, so the embeddings are not the bundle's features");
        }
        return r;
    }

    private static String differingField(BackboneCard a, BackboneCard b) {
        for (String field : new String[] {"inputName", "inputSize", "channelOrder", "mean", "std", "outputName", "dimension"}) {
            if (!value(a, field).equals(value(b, field))) {
                return field;
            }
        }
        return null;
    }

    private static String value(BackboneCard c, String field) {
        return switch (field) {
            case "inputName" -> c.inputName();
            case "inputSize" -> Integer.toString(c.inputSize());
            case "channelOrder" -> c.channelOrder().name();
            case "mean" -> c.mean().toString();
            case "std" -> c.std().toString();
            case "outputName" -> c.outputName();
            case "dimension" -> Integer.toString(c.dimension());
            default -> throw new IllegalArgumentException(field);
        };
    }
}
