package org.tessera.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.tessera.backbone.Backbone;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.BackboneException;
import org.tessera.backbone.ColourFeatures;
import org.tessera.backbone.DeviceChoice;
import org.tessera.backbone.Embedder;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureStore;

/**
 * Backbones in a store. Adding one loads it once on the CPU, so a card that does not match its model
 * (input name, output name, dimension, weights checksum) is refused before any slide is touched. The built-in
 * {@link ColourFeatures} ({@value ColourFeatures#NAME}) needs no model file and is registered on first use.
 */
public final class BackboneRegistry {
    private BackboneRegistry() {
    }

    /** Finds a card: a JSON file when {@code nameOrFile} is one, else a built-in card of that name. */
    public static BackboneCard card(String nameOrFile) throws BackboneException {
        Path p = Path.of(nameOrFile);
        if (nameOrFile.endsWith(".json") || Files.isRegularFile(p)) {
            return BackboneCard.read(p);
        }
        return BackboneCard.builtin(nameOrFile);
    }

    /**
     * The model file for a card: {@code explicit} when given, else the card's model name beside the card
     * file, else in {@code modelsDir}.
     */
    public static Path modelFile(BackboneCard card, Optional<Path> explicit, Optional<Path> cardFile, Optional<Path> modelsDir)
            throws BackboneException {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        if (cardFile.isPresent()) {
            Path beside = card.modelIn(cardFile.get().toAbsolutePath().getParent());
            if (Files.isRegularFile(beside)) {
                return beside;
            }
        }
        if (modelsDir.isPresent()) {
            return card.modelIn(modelsDir.get());
        }
        throw new BackboneException("backbone '" + card.name() + "': cannot find its model '" + card.model()
                + "'; give --model FILE or --models DIR");
    }

    /** Validates the card against the model and records it; true when it was new to the store. */
    public static boolean add(FeatureStore store, BackboneCard card, Path modelFile) throws BackboneException, SQLException {
        Path model = modelFile.toAbsolutePath().normalize();
        try (Backbone checked = Backbone.load(card, model, DeviceChoice.CPU)) {
            return store.backbones().add(new BackboneRecord(card.name(), card.sha256(), checked.dimension(),
                    card.inputSize(), model.toString(), card.toJson()));
        }
    }

    /** The built-in colour baseline's record: no model file, weights checksum = sha256 of its definition. */
    public static BackboneRecord colourBaseline() {
        String card = org.tessera.store.Json.write(new BuiltinCard(ColourFeatures.NAME, true, ColourFeatures.DIMENSION,
                ColourFeatures.DEFINITION));
        return new BackboneRecord(ColourFeatures.NAME, ColourFeatures.weightsSha256(), ColourFeatures.DIMENSION, 0,
                "builtin:" + ColourFeatures.NAME, card);
    }

    /**
     * A registered backbone's record, or an error listing what is registered. The colour baseline and the built-in
     * cards (model in the shared data's models folder) are registered on first use.
     */
    public static BackboneRecord registered(FeatureStore store, String name) throws SQLException, BackboneException {
        if (name.equals(ColourFeatures.NAME)) {
            store.backbones().add(colourBaseline());
        }
        BuiltinBackbones.registerIfMissing(store, name, BuiltinBackbones.sharedModels());
        Optional<BackboneRecord> r = store.backbones().byName(name);
        if (r.isEmpty()) {
            throw new BackboneException("backbone '" + name + "' is not in the store " + store.root() + "; registered: "
                    + store.backbones().all().stream().map(BackboneRecord::backbone).toList()
                    + ". Add it with: tessera backbone add " + name + " --models DIR");
        }
        return r.get();
    }

    /**
     * Loads a registered embedder for tiles of {@code tilePx} pixels: the colour baseline, or an ONNX backbone
     * on the chosen device (weights checksum verified) with {@code intraOpThreads} ONNX Runtime threads (0: ONNX
     * Runtime's default), on GPU {@code gpu} when the device is a GPU.
     */
    public static Embedder load(BackboneRecord record, DeviceChoice device, int intraOpThreads, int tilePx, int gpu)
            throws BackboneException {
        if (record.weightsSha256().equals(ColourFeatures.weightsSha256())) {
            return new ColourFeatures(tilePx);
        }
        BackboneCard card = BackboneCard.fromJson(record.cardJson(), "card of backbone '" + record.backbone() + "' in the store");
        return Backbone.load(card, Path.of(record.modelPath()), new Backbone.Options(device, true, intraOpThreads, gpu));
    }

    /** The card of a built-in backbone that has no model file, as stored in {@code backbones.card}. */
    record BuiltinCard(String name, boolean builtin, int dimension, String definition) {
    }
}
