package org.tessera.bundle;

import java.sql.SQLException;
import java.util.Objects;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.BackboneException;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureStore;

/**
 * The backbone a bundle's features came from: its name, the sha256 of its weights and its whole card (input,
 * normalisation, output). A head is only valid on embeddings of exactly these weights with exactly this
 * preprocessing, so scoring compares both with the store before touching a slide.
 *
 * @param name          the card's name, e.g. {@code mobilenet_v2_imagenet}
 * @param weightsSha256 64 lower-case hex digits; must equal the card's own
 * @param card          the card
 */
public record BackboneProvenance(String name, String weightsSha256, BackboneCard card) {
    public BackboneProvenance {
        Objects.requireNonNull(card, "card");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("backbone name must not be blank");
        }
        if (weightsSha256 == null || !weightsSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("backbone '" + name + "': weights sha256 must be 64 lower-case hex digits, got "
                    + weightsSha256);
        }
        if (!card.name().equals(name)) {
            throw new IllegalArgumentException("backbone '" + name + "': its card is named '" + card.name() + "'");
        }
        if (!card.sha256().equals(weightsSha256)) {
            throw new IllegalArgumentException("backbone '" + name + "': weights sha256 " + weightsSha256
                    + " but its card says " + card.sha256());
        }
    }

    /** The provenance of a backbone registered in {@code store}, from its stored card. */
    public static BackboneProvenance fromStore(FeatureStore store, String name) throws SQLException, BackboneException {
        BackboneRecord r = store.backbones().byName(name).orElseThrow(() -> new BackboneException("backbone '" + name
                + "' is not registered in the store " + store.root()));
        BackboneCard card = BackboneCard.fromJson(r.cardJson(), "card of backbone '" + name + "' in the store " + store.root());
        return new BackboneProvenance(name, r.weightsSha256(), card);
    }
}
