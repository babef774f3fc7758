package org.tessera.backbone;

import java.awt.image.BufferedImage;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tessera.testkit.Shared;

/**
 * Not a test: prints inference throughput (batch 16, default, 1 and 2 intra-op threads) and preprocessing time,
 * asserting nothing. Skipped unless run with
 * {@code mvn -o test -pl extractor -am -Dtest=BackboneThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtessera.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "tessera.benchmark", matches = "true")
class BackboneThroughputBenchmark {

    private static final String TILE =
            "tcga-brca/tiles/TCGA-A2-A04R/TCGA-A2-A04R-01Z-00-DX1.BE3661A3-A2A0-4248-B7D5-D8986E529B6C_x15680_y39200.png";
    private static final int BATCH = 16;

    @Test
    void builtinBackbonesAtBatch16() throws Exception {
        for (String name : BackboneCard.builtinNames()) {
            for (int threads : new int[] {0, 1, 2}) {
                measure(BackboneCard.builtin(name), threads);
            }
        }
        preprocessing();
    }

    private static void measure(BackboneCard card, int threads) throws Exception {
        float[] batch = new float[BATCH * card.floatsPerTile()];
        BufferedImage tile = ImageIO.read(Shared.path(TILE).toFile());
        TilePreprocessor pre = TilePreprocessor.forCard(card);
        for (int i = 0; i < BATCH; i++) {
            pre.write(tile, batch, i * card.floatsPerTile());
        }
        long loadStart = System.nanoTime();
        try (Backbone backbone = Backbone.load(card, TestCards.modelFile(card),
                new Backbone.Options(DeviceChoice.CPU, true, threads))) {
            double loadMs = (System.nanoTime() - loadStart) / 1e6;
            for (int i = 0; i < 3; i++) {
                backbone.embed(batch, BATCH);
            }
            int rounds = 8;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                backbone.embed(batch, BATCH);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s threads=%s load=%.0f ms: %.1f tiles/s (%.1f ms/tile) [%s]%n",
                    card.name(), threads == 0 ? "default" : threads, loadMs, rounds * BATCH / seconds,
                    seconds * 1000 / (rounds * BATCH), backbone.deviceDescription());
        }
    }

    private static void preprocessing() throws Exception {
        BackboneCard card = TestCards.mobilenet();
        BufferedImage png = ImageIO.read(Shared.path(TILE).toFile());
        BufferedImage tile = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
        tile.getGraphics().drawImage(png, 0, 0, null);
        BufferedImage big = new BufferedImage(448, 448, BufferedImage.TYPE_INT_RGB);
        big.getGraphics().drawImage(png, 0, 0, 448, 448, null);
        TilePreprocessor pre = TilePreprocessor.forCard(card);
        float[] out = new float[card.floatsPerTile()];
        for (BufferedImage image : new BufferedImage[] {tile, big}) {
            for (int i = 0; i < 2000; i++) {
                pre.write(image, out, 0);
            }
            int rounds = 5000;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                pre.write(image, out, 0);
            }
            double us = (System.nanoTime() - start) / 1e3 / rounds;
            System.out.printf(Locale.ROOT, "preprocess %dpx -> 224: %.0f us/tile%n", image.getWidth(), us);
        }
    }
}
