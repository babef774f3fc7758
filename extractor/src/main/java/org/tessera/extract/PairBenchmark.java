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
     * @param firstAlone the first backbone's run alone, already measured under {@code options} in this warm JVM
     * @param cards both cards, with their model files
     */
    static ExtractionBenchmark.PairResult run(Path workDir, List<BackboneCard> cards, List<Path> models, List<SlideImporter.Entry> slides,
            ExtractionOptions options, ExtractionBenchmark.Run firstAlone, Consumer<String> log) throws Exception {
        BackboneCard second = cards.get(1);
        log.accept("second backbone alone (" + second.name() + ") into a fresh store...");
        ExtractionBenchmark.Run alone = fresh(workDir, cards, models, slides, options.withBackbones(List.of(second.name())));
        log.accept(String.format("  %.1f s, %d tile reads", alone.seconds(), alone.cpu().tiles()));
        log.accept("both backbones in one pass into a fresh store...");
        ExtractionBenchmark.Run both = fresh(workDir, cards, models, slides, options.withBackbones(List.of(cards.get(0).name(), second.name())));
        log.accept(String.format("  %.1f s, %d tile reads", both.seconds(), both.cpu().tiles()));
        return new ExtractionBenchmark.PairResult(cards.get(0).name(), second.name(), firstAlone, alone, both,
                firstAlone.cpu().tiles() + alone.cpu().tiles(), both.cpu().tiles());
    }

    /** One extraction of {@code slides} into a fresh store (deleted afterwards) with the cards registered, measured. */
    static ExtractionBenchmark.Run fresh(Path workDir, List<BackboneCard> cards, List<Path> models, List<SlideImporter.Entry> slides,
            ExtractionOptions options) throws Exception {
        Path dir = Files.createTempDirectory(workDir, "bench-run-");
        try (FeatureStore store = FeatureStore.open(dir)) {
            for (int i = 0; i < cards.size(); i++) {
                BackboneRegistry.add(store, cards.get(i), models.get(i));
            }
            SlideImporter.add(store, slides);
            long cpu0 = CpuCost.processCpuNanos();
            ExtractionReport r = new Extractor(store, options).run(store.slides().all(), p -> { });
            long cpu = CpuCost.processCpuNanos() - cpu0;
            if (!r.ok()) {
                throw new IllegalStateException("benchmark slides failed: " + r.failures());
            }
            return ExtractionBenchmark.Run.of(r, cpu);
        } finally {
            Directories.deleteTree(dir);
        }
    }
}
