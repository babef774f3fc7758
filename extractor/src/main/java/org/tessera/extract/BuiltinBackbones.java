package org.tessera.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.BackboneException;
import org.tessera.shared.SharedData;
import org.tessera.store.FeatureStore;

/**
 * The cards shipped with Tessera ({@link BackboneCard#builtinNames()}), registered on first use: extracting with
 * {@code --backbone mobilenet_v2_imagenet} on a fresh store adds the card by itself when its model is in the shared
 * data's {@code models/} folder, exactly as {@code tessera backbone add mobilenet_v2_imagenet} would (the model is
 * loaded once and checked against the card).
 */
final class BuiltinBackbones {
    private BuiltinBackbones() {
    }

    /**
     * Registers {@code name} when it is a built-in card not yet in the store.
     *
     * @throws BackboneException when it is built in but its model cannot be found; the message says where it looked
     */
    static void registerIfMissing(FeatureStore store, String name, Optional<Path> modelsDir) throws BackboneException, SQLException {
        if (!BackboneCard.builtinNames().contains(name) || store.backbones().byName(name).isPresent()) {
            return;
        }
        BackboneCard card = BackboneCard.builtin(name);
        Optional<Path> model = modelsDir.map(card::modelIn).filter(Files::isRegularFile);
        if (model.isEmpty()) {
            throw new BackboneException("backbone '" + name + "' is a built-in card but its model " + card.model() + " is not "
                    + modelsDir.map(d -> "in " + d).orElse("found (no shared data folder: set " + SharedData.ENV + ")")
                    + "; register it with: tessera backbone add " + name + " --models DIR");
        }
        BackboneRegistry.add(store, card, model.get());
    }

    /** The shared data's models folder, when the shared data can be found. */
    static Optional<Path> sharedModels() {
        return SharedData.locate().map(s -> s.resolve("models"));
    }
}
