package org.tessera.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.tessera.backbone.BackboneCard;
import org.tessera.store.Directories;
import org.tessera.store.FeatureStore;

/**
 * Two backbones in one pass against two separate runs, each into a fresh store with the same slides and options:
 * the one pass reads (and, when the cards normalise alike, preprocesses) each tile once for both.
 */
final class PairBenchmark {
    private PairBenchmark() {
    }

    /**
     * @param firstAlone the first backbone's run alone, already measured under {@code options}
     * @param cards both cards, with their model files
     */
    static ExtractionBenchmark.PairResult run(Path workDir, List<BackboneCard> cards, List<Path> models, List<SlideImporter.Entry> slides,
            ExtractionOptions options, ExtractionReport firstAlone, Consumer<String> log) throws Exception {
        BackboneCard second = cards.get(1);
        log.accept("second backbone alone (" + second.name() + ") into a fresh store...");
        ExtractionReport alone = fresh(workDir, cards, models, slides, options.withBackbones(List.of(second.name())));
        log.accept(String.format("  %.1f s, %d tile reads", alone.seconds(), alone.tileReads()));
        log.accept("both backbones in one pass into a fresh store...");
        ExtractionReport both = fresh(workDir, cards, models, slides,
                options.withBackbones(List.of(cards.get(0).name(), second.name())));
        log.accept(String.format("  %.1f s, %d tile reads", both.seconds(), both.tileReads()));
        return new ExtractionBenchmark.PairResult(cards.get(0).name(), second.name(), firstAlone.seconds(), alone.seconds(), both.seconds(),
                firstAlone.tileReads() + alone.tileReads(), both.tileReads());
    }

    private static ExtractionReport fresh(Path workDir, List<BackboneCard> cards, List<Path> models, List<SlideImporter.Entry> slides,
            ExtractionOptions options) throws Exception {
        Path dir = Files.createTempDirectory(workDir, "bench-pair-");
        try (FeatureStore store = FeatureStore.open(dir)) {
            for (int i = 0; i < cards.size(); i++) {
                BackboneRegistry.add(store, cards.get(i), models.get(i));
            }
            SlideImporter.add(store, slides);
            ExtractionReport r = new Extractor(store, options).run(store.slides().all(), p -> { });
            if (!r.ok()) {
                throw new IllegalStateException("benchmark slides failed: " + r.failures());
            }
            return r;
        } finally {
            Directories.deleteTree(dir);
        }
    }
}
