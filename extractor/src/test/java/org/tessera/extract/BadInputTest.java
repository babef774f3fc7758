package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.BackboneException;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;

/** Every kind of bad input gets an error naming the file and the problem, and the rest of the batch is done. */
class BadInputTest {
    @TempDir
    Path tmp;

    @Test
    void badSlidesAreReportedByFileAndTheGoodOnesAreAdded() throws Exception {
        Path missing = tmp.resolve("missing.svs");
        Path text = tmp.resolve("notes.svs");
        Files.writeString(text, "this is not a slide\n");
        Path truncated = tmp.resolve("truncated.svs");
        byte[] whole = Files.readAllBytes(Fixtures.cmu());
        Files.write(truncated, Arrays.copyOf(whole, whole.length * 6 / 10));
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            SlideImporter.Report r = SlideImporter.add(store, List.of(Fixtures.entry(missing, null), Fixtures.entry(text, null),
                    Fixtures.entry(truncated, null), Fixtures.entry(Fixtures.tcga(), null), Fixtures.entry(Fixtures.cmu(), null)));
            assertEquals(1, r.added().size(), "the good slide is added");
            assertEquals("CMU-1-Small-Region", r.added().get(0).slide().name());
            Map<String, String> errors = r.failures().stream()
                    .collect(Collectors.toMap(f -> Path.of(f.slide()).getFileName().toString(), ExtractionReport.Failure::error));
            assertEquals(4, errors.size(), errors.toString());
            assertNamesFileAndSays(errors, "missing.svs", "no such file");
            assertNamesFileAndSays(errors, "notes.svs", "not a slide");
            assertNamesFileAndSays(errors, "truncated.svs", "truncated");
            assertNamesFileAndSays(errors, "TCGA-CR-7395-01A-01-TS1.svs", "--mpp");
            assertEquals(1, Fixtures.count(store, "SELECT count(*) FROM slides"));
        }
    }

    private static void assertNamesFileAndSays(Map<String, String> errors, String file, String problem) {
        String message = errors.get(file);
        assertTrue(message != null && message.contains(file) && message.toLowerCase().contains(problem.toLowerCase()),
                file + " -> " + message);
    }

    @Test
    void aCardThatDoesNotMatchItsModelIsRejectedWhenAddedNotMidSlide() throws Exception {
        BackboneCard real = BackboneCard.builtin(Fixtures.MOBILENET);
        BackboneCard wrongOutput = new BackboneCard("mislabelled", real.model(), real.inputName(), real.inputSize(),
                real.channelOrder(), real.mean(), real.std(), "features", real.dimension(), real.sha256(), "", "");
        BackboneCard wrongDimension = new BackboneCard("wrongdim", real.model(), real.inputName(), real.inputSize(),
                real.channelOrder(), real.mean(), real.std(), real.outputName(), 1024, real.sha256(), "", "");
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            Path model = real.modelIn(Shared.path("models"));
            BackboneException e1 = assertThrows(BackboneException.class, () -> BackboneRegistry.add(store, wrongOutput, model));
            assertTrue(e1.getMessage().contains("features") && e1.getMessage().contains("embedding"), e1.getMessage());
            BackboneException e2 = assertThrows(BackboneException.class, () -> BackboneRegistry.add(store, wrongDimension, model));
            assertTrue(e2.getMessage().contains("1024") && e2.getMessage().contains("1280"), e2.getMessage());
            BackboneException e3 = assertThrows(BackboneException.class,
                    () -> BackboneRegistry.add(store, real, tmp.resolve("nowhere.onnx")));
            assertTrue(e3.getMessage().contains("nowhere.onnx"), e3.getMessage());
            assertEquals(0, Fixtures.count(store, "SELECT count(*) FROM backbones"), "nothing registered");
        }
    }

    @Test
    void extractingWithAnUnregisteredBackboneSaysHowToAddIt() throws Exception {
        try (FeatureStore store = FeatureStore.open(tmp.resolve("s"))) {
            BackboneException e = assertThrows(BackboneException.class,
                    () -> Fixtures.extract(store, Fixtures.options("uni")));
            assertTrue(e.getMessage().contains("tessera backbone add"), e.getMessage());
        }
    }
}
