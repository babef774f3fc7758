package org.tessera.score;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.arrow.memory.RootAllocator;
import org.tessera.backbone.BackboneCard;
import org.tessera.bundle.BackboneProvenance;
import org.tessera.bundle.Bundle;
import org.tessera.bundle.BundleKind;
import org.tessera.bundle.FeatureSetProvenance;
import org.tessera.bundle.LinearWeights;
import org.tessera.bundle.TilingProvenance;
import org.tessera.extract.BackboneRegistry;
import org.tessera.extract.ExtractionOptions;
import org.tessera.extract.ExtractionReport;
import org.tessera.extract.Extractor;
import org.tessera.extract.SlideImporter;
import org.tessera.featureset.FeatureMatrices;
import org.tessera.featureset.FeatureMatrix;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;
import org.tessera.heads.RidgeHead;
import org.tessera.heads.RidgeModel;
import org.tessera.heads.RidgeOptions;
import org.tessera.heads.Targets;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;
import org.tessera.tiling.TilingSpec;

/**
 * A real store for the scoring tests: mobilenet and the two shared SVS slides (the TCGA one at an assumed
 * 0.5 um/px), embedded as 448 px tiles at 0.5 um/px (few tiles, so quick on two cores), and a ridge head
 * fitted on their tile embeddings with made-up targets (two slides are too few rows to fit on slide means).
 */
final class ScoringStore {
    static final String MOBILENET = "mobilenet_v2_imagenet";
    static final TilingSpec TILING = TilingSpec.of(448, 0.5);

    final FeatureStore store;
    final String tilingId;
    final RidgeModel model;

    private ScoringStore(FeatureStore store, String tilingId, RidgeModel model) {
        this.store = store;
        this.tilingId = tilingId;
        this.model = model;
    }

    static ScoringStore build(Path dir) throws Exception {
        Path cmu = Shared.path("slides/CMU-1-Small-Region.svs");
        Path tcga = Shared.path("slides/TCGA-CR-7395-01A-01-TS1.svs");
        FeatureStore store = FeatureStore.open(dir);
        BackboneCard card = BackboneCard.builtin(MOBILENET);
        BackboneRegistry.add(store, card, card.modelIn(Shared.path("models")));
        SlideImporter.Report added = SlideImporter.add(store, List.of(
                new SlideImporter.Entry(cmu, OptionalDouble.empty(), Optional.empty(), Optional.of("TEST")),
                new SlideImporter.Entry(tcga, OptionalDouble.of(0.5), Optional.empty(), Optional.of("TEST"))));
        if (!added.failures().isEmpty()) {
            throw new AssertionError("fixture slides failed: " + added.failures());
        }
        Extractor extractor = new Extractor(store, ExtractionOptions.defaults(MOBILENET).withTiling(TILING));
        ExtractionReport report = extractor.run(store.slides().all(), p -> { });
        if (!report.ok() || report.slidesExtracted() != 2) {
            throw new AssertionError("fixture extraction failed: " + report);
        }
        FeatureMatrix tiles;
        try (RootAllocator allocator = new RootAllocator()) {
            tiles = FeatureMatrices.read(store, FeatureSet.named("tiles", Pooling.NONE),
                    Map.of("backbone", MOBILENET, "min_tissue", "0.5"), allocator);
        }
        double[][] y = new double[tiles.rows()][];
        for (int i = 0; i < y.length; i++) {
            double[] x = tiles.row(i);
            y[i] = new double[] {x[0] + 2 * x[5], tiles.tileIndex(i) % 7, x[100] - x[200]};
        }
        RidgeModel model = RidgeHead.fit(tiles, new Targets(List.of("ERBB2", "ESR1", "MKI67"), y), RidgeOptions.shared(1.0));
        return new ScoringStore(store, extractor.tilingId(), model);
    }

    /** The fitted head as a bundle over the shipped {@code slide_mean} feature set. */
    Bundle bundle() throws Exception {
        FeatureSetProvenance set = FeatureSetProvenance.of(FeatureSet.named("slide_mean", Pooling.NONE), Map.of("backbone", MOBILENET));
        return bundle(BackboneProvenance.fromStore(store, MOBILENET), TilingProvenance.fromStore(store, tilingId), set);
    }

    Bundle bundle(BackboneProvenance backbone, TilingProvenance tiling, FeatureSetProvenance set) {
        return Bundle.of(BundleKind.AGGREGATE_RIDGE, backbone, tiling, "none", set, List.of("log2(1+x)"), Optional.empty(),
                Map.of("tiles", (double) model.leaveOneOut().predictions().length), LinearWeights.of(model));
    }

    /** The head's own predictions on the slide means of the fixture tiling, keyed "slide/gene". */
    Map<String, Double> expected() throws Exception {
        FeatureSet means = FeatureSet.inline("SELECT slide_id, patient_id, vector FROM slide_embeddings_mean "
                + "WHERE backbone = ${backbone} AND tiling_id = ${tiling} AND stain = 'none' ORDER BY slide_id", Pooling.NONE);
        FeatureMatrix x;
        try (RootAllocator allocator = new RootAllocator()) {
            x = FeatureMatrices.read(store, means, Map.of("backbone", MOBILENET, "tiling", tilingId), allocator);
        }
        double[][] p = model.predict(x);
        Map<String, Double> out = new java.util.TreeMap<>();
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < model.outputNames().size(); j++) {
                out.put(x.slideId(i) + "/" + model.outputNames().get(j), p[i][j]);
            }
        }
        return out;
    }
}
