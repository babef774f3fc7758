package org.tessera.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped cards describe the shared models exactly. */
class BuiltinBackbonesTest {

    static List<String> builtinNames() {
        return BackboneCard.builtinNames();
    }

    @ParameterizedTest
    @MethodSource("builtinNames")
    void builtinCardLoadsAndEmbedsABatchOfTwo(String name) throws Exception {
        BackboneCard card = BackboneCard.builtin(name);
        try (Backbone backbone = Backbone.load(card, TestCards.modelFile(card), DeviceChoice.CPU)) {
            float[] batch = new float[2 * card.floatsPerTile()];
            java.util.Arrays.fill(batch, card.floatsPerTile(), batch.length, 0.5f);
            float[] embeddings = backbone.embed(batch, 2);
            assertEquals(2 * card.dimension(), embeddings.length);
            // Two different tiles give two different embeddings: rows are not mixed up or repeated.
            boolean differ = false;
            for (int i = 0; i < card.dimension(); i++) {
                differ |= embeddings[i] != embeddings[card.dimension() + i];
            }
            assertTrue(differ);
        }
    }

    @Test
    void inceptionGivesSevenHundredSixtyEightAt224() throws Exception {
        BackboneCard card = BackboneCard.builtin("inception_v3_mixed5_imagenet");
        try (Backbone backbone = Backbone.load(card, TestCards.modelFile(card), DeviceChoice.CPU)) {
            assertEquals(768, backbone.dimension());
            assertEquals(List.of("mixed5_gap"), backbone.outputNames());
            assertEquals(768, backbone.embed(new float[card.floatsPerTile()], 1).length);
        }
    }

    @Test
    void mobilenetHasEmbeddingAndLogits() throws Exception {
        BackboneCard card = TestCards.mobilenet();
        try (Backbone backbone = Backbone.load(card, TestCards.modelFile(card), DeviceChoice.CPU)) {
            assertEquals(List.of("embedding", "logits"), backbone.outputNames().stream().sorted().toList());
            assertEquals(1001, backbone.run("logits", new float[card.floatsPerTile()], 1).length);
        }
    }

    @Test
    void closedBackboneRefusesWork() throws Exception {
        BackboneCard card = TestCards.mobilenet();
        Backbone backbone = Backbone.load(card, TestCards.modelFile(card), DeviceChoice.CPU);
        backbone.close();
        backbone.close();
        assertThrows(IllegalStateException.class, () -> backbone.embed(new float[card.floatsPerTile()], 1));
    }
}
