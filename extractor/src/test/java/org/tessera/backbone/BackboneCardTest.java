package org.tessera.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

class BackboneCardTest {

    @Test
    void shipsTheTwoImageNetCards() throws Exception {
        assertEquals(List.of("mobilenet_v2_imagenet", "inception_v3_mixed5_imagenet"), BackboneCard.builtinNames());
        BackboneCard mobilenet = BackboneCard.builtin("mobilenet_v2_imagenet");
        assertEquals("embedding", mobilenet.outputName());
        assertEquals(1280, mobilenet.dimension());
        assertEquals(List.of(127.5, 127.5, 127.5), mobilenet.std());
        BackboneCard inception = BackboneCard.builtin("inception_v3_mixed5_imagenet");
        assertEquals("mixed5_gap", inception.outputName());
        assertEquals(768, inception.dimension());
        assertEquals(224, inception.inputSize());
    }

    @Test
    void builtinChecksumsAgreeWithTheSharedFoldersSha256Sums() throws Exception {
        List<String> sums = Files.readAllLines(Shared.path("SHA256SUMS"));
        for (String name : BackboneCard.builtinNames()) {
            BackboneCard card = BackboneCard.builtin(name);
            assertTrue(sums.contains(card.sha256() + "  models/" + card.model()), name);
        }
    }

    @Test
    void unknownBuiltinIsRejectedListingTheKnownOnes() {
        BackboneException e = assertThrows(BackboneException.class, () -> BackboneCard.builtin("uni2"));
        assertTrue(e.getMessage().contains("'uni2'") && e.getMessage().contains("mobilenet_v2_imagenet"),
                e.getMessage());
    }

    @Test
    void writtenCardReadsBackEqual(@TempDir Path dir) throws Exception {
        BackboneCard card = TestCards.withPreprocessing(TestCards.mobilenet(), ChannelOrder.BGR,
                List.of(103.94, 116.78, 123.68), List.of(57.4, 57.1, 58.4));
        Path json = dir.resolve("card.json");
        card.write(json);
        assertEquals(card, BackboneCard.read(json));
        assertTrue(Files.readString(json).contains("\"channelOrder\" : \"BGR\""));
    }

    @Test
    void invalidCardFileIsRejectedNamingFileAndProblem(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("bad.json");
        String good = Files.readString(writeBuiltin(dir));
        Files.writeString(json, good.replace("\"std\" : [ 127.5, 127.5, 127.5 ]", "\"std\" : [ 127.5, 0.0, 127.5 ]"));
        BackboneException e = assertThrows(BackboneException.class, () -> BackboneCard.read(json));
        assertTrue(e.getMessage().contains(json.toString()) && e.getMessage().contains("std must be > 0"),
                e.getMessage());
    }

    @Test
    void shortChecksumIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestCards.withSha(TestCards.mobilenet(), "abc123"));
        assertTrue(e.getMessage().contains("sha256 must be 64 hexadecimal digits"), e.getMessage());
    }

    @Test
    void twoMeansAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestCards.withPreprocessing(TestCards.mobilenet(), ChannelOrder.RGB, List.of(1.0, 2.0),
                        List.of(1.0, 1.0, 1.0)));
        assertTrue(e.getMessage().contains("mean must have 3 values"), e.getMessage());
    }

    @Test
    void missingCardFileIsNamed(@TempDir Path dir) {
        Path json = dir.resolve("absent.json");
        BackboneException e = assertThrows(BackboneException.class, () -> BackboneCard.read(json));
        assertTrue(e.getMessage().startsWith(json.toString()), e.getMessage());
    }

    private static Path writeBuiltin(Path dir) throws IOException {
        Path json = dir.resolve("good.json");
        TestCards.mobilenet().write(json);
        return json;
    }
}
