package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.BackboneException;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;

class BuiltinBackbonesTest {
    @TempDir
    Path tmp;

    @Test
    void extractingWithABuiltinCardOnAFreshStoreRegistersItFirst() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            SlideImporter.add(store, List.of(Fixtures.entry(Fixtures.cmu(), null)));
            assertEquals(Optional.empty(), store.backbones().byName(Fixtures.MOBILENET));
            ExtractionReport report = Fixtures.extract(store, Fixtures.options(Fixtures.MOBILENET));
            assertTrue(report.failures().isEmpty(), report.failures().toString());
            BackboneRecord r = store.backbones().byName(Fixtures.MOBILENET).orElseThrow();
            BackboneCard card = BackboneCard.builtin(Fixtures.MOBILENET);
            assertEquals(card.sha256(), r.weightsSha256());
            assertEquals(1280, r.dimension());
            assertEquals(card.modelIn(Shared.path("models")).toAbsolutePath().normalize().toString(), r.modelPath());
            assertTrue(Fixtures.count(store, "SELECT count(*) FROM embeddings WHERE backbone = '" + Fixtures.MOBILENET + "'") > 0);
        }
    }

    @Test
    void aBuiltinCardWhoseModelIsMissingSaysWhereItLookedAndHowToAddIt() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("models"));
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            BackboneException e = assertThrows(BackboneException.class,
                    () -> BuiltinBackbones.registerIfMissing(store, Fixtures.MOBILENET, Optional.of(empty)));
            assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("tessera backbone add " + Fixtures.MOBILENET),
                    e.getMessage());
            BackboneException none = assertThrows(BackboneException.class,
                    () -> BuiltinBackbones.registerIfMissing(store, Fixtures.MOBILENET, Optional.empty()));
            assertTrue(none.getMessage().contains("TESSERA_SHARED"), none.getMessage());
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM backbones"));
        }
    }

    @Test
    void aNameThatIsNotBuiltInIsLeftToTheNotInTheStoreError() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            BuiltinBackbones.registerIfMissing(store, "uni", Optional.of(Shared.path("models")));
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM backbones"));
            BackboneException e = assertThrows(BackboneException.class, () -> BackboneRegistry.registered(store, "uni"));
            assertTrue(e.getMessage().contains("not in the store"), e.getMessage());
        }
    }
}
