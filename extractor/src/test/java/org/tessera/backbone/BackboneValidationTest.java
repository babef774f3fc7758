package org.tessera.backbone;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card that does not describe its model is refused at load, with the file and the mismatch named. */
class BackboneValidationTest {

    @Test
    void wrongOutputNameIsRejectedListingTheModelsOutputs() throws Exception {
        BackboneCard card = TestCards.withNames(TestCards.mobilenet(), "input", "foo", 1280);
        Path model = TestCards.modelFile(card);
        BackboneException e = assertThrows(BackboneException.class, () -> Backbone.load(card, model, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("card says output 'foo'")
                && e.getMessage().contains("embedding") && e.getMessage().contains("logits"), e.getMessage());
    }

    @Test
    void wrongInputNameIsRejectedListingTheModelsInputs() throws Exception {
        BackboneCard card = TestCards.withNames(TestCards.mobilenet(), "pixel_values", "embedding", 1280);
        Path model = TestCards.modelFile(card);
        BackboneException e = assertThrows(BackboneException.class, () -> Backbone.load(card, model, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains(model.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("card says input 'pixel_values' but the model's inputs are [input]"),
                e.getMessage());
    }

    @Test
    void wrongDimensionIsRejectedWithTheActualWidth() throws Exception {
        BackboneCard card = TestCards.withNames(TestCards.mobilenet(), "input", "embedding", 1024);
        Path model = TestCards.modelFile(card);
        BackboneException e = assertThrows(BackboneException.class, () -> Backbone.load(card, model, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("card says dimension 1024 but output 'embedding' gives 1280 floats"),
                e.getMessage());
    }

    @Test
    void missingModelFileIsNamed(@TempDir Path dir) throws Exception {
        Path absent = dir.resolve("mobilenet_v2_imagenet.onnx");
        BackboneException e = assertThrows(BackboneException.class,
                () -> Backbone.load(TestCards.mobilenet(), absent, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("model file not found: " + absent), e.getMessage());
    }

    @Test
    void wrongChecksumIsRejected() throws Exception {
        BackboneCard card = TestCards.withSha(TestCards.mobilenet(), "0".repeat(64));
        Path model = TestCards.modelFile(card);
        BackboneException e = assertThrows(BackboneException.class, () -> Backbone.load(card, model, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("sha256 of the model file is 2d23aad55a62")
                && e.getMessage().contains("not the weights the card describes"), e.getMessage());
    }

    @Test
    void checksumCanBeSkipped() throws Exception {
        BackboneCard card = TestCards.withSha(TestCards.mobilenet(), "0".repeat(64));
        try (Backbone backbone = Backbone.load(card, TestCards.modelFile(card),
                new Backbone.Options(DeviceChoice.CPU, false, 0))) {
            assertTrue(backbone.dimension() == 1280);
        }
    }

    @Test
    void fileThatIsNotAnOnnxModelIsRejectedNamingIt(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.onnx"), "not a model");
        BackboneException e = assertThrows(BackboneException.class,
                () -> Backbone.load(TestCards.mobilenet(), junk, new Backbone.Options(DeviceChoice.CPU, false, 0)));
        assertTrue(e.getMessage().contains(junk.toString()) && e.getMessage().contains("cannot load"), e.getMessage());
    }
}
