package org.tessera.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.bundle.BackboneProvenance;
import org.tessera.bundle.Bundle;
import org.tessera.bundle.BundleKind;
import org.tessera.bundle.FeatureSetProvenance;
import org.tessera.bundle.LinearWeights;
import org.tessera.bundle.TilingProvenance;
import org.tessera.examples.TmaComposer;
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
import org.tessera.tma.TmaDearray;

/**
 * A TMA composed from real tissue (see {@link TmaComposer}), de-arrayed with a core map in which A2 and D5 belong to
 * one patient, embedded with MobileNetV2: the feature set tma_cores gives one unit per core under its patient,
 * and a bundle over it scores the TMA slide core by core, each prediction under the core's patient.
 */
class TmaScoringTest {
    private static final String MOBILENET = "mobilenet_v2_imagenet";

    @TempDir
    Path tmp;

    @Test
    void aTmaIsScoredPerCoreUnderEachPatient() throws Exception {
        TmaComposer.Composed tma = TmaComposer.write(Shared.path("slides").getParent(), tmp.resolve("tma.png"));
        StringBuilder map = new StringBuilder("core,patient\n");
        int n = 0;
        for (String label : tma.centres().keySet()) {
            map.append(label).append(',').append(label.equals("D5") ? "P02" : String.format("P%02d", ++n)).append('\n');
        }
        Files.writeString(tmp.resolve("map.csv"), map);
        try (FeatureStore store = FeatureStore.open(tmp.resolve("store"))) {
            SlideImporter.add(store, List.of(new SlideImporter.Entry(tma.png(), OptionalDouble.of(TmaComposer.MPP), Optional.empty(),
                    Optional.of("TMA"))));
            TmaDearray.run(store, "tma", new TmaDearray.Options(OptionalInt.of(TmaComposer.ROWS), OptionalInt.of(TmaComposer.COLS),
                    OptionalDouble.empty(), Optional.of(tmp.resolve("map.csv")), Optional.empty()));
            BackboneCard card = BackboneCard.builtin(MOBILENET);
            BackboneRegistry.add(store, card, card.modelIn(Shared.path("models")));
            // 96 px at 4 um/px: about 5 tiles per 1 mm core, few enough for MobileNetV2 on two cores.
            Extractor extractor = new Extractor(store, ExtractionOptions.defaults(MOBILENET).withTiling(TilingSpec.of(96, TmaComposer.MPP)));
            ExtractionReport extracted = extractor.run(store.slides().all(), p -> { });
            assertTrue(extracted.ok(), extracted.toString());

            FeatureSet cores = FeatureSet.named("tma_cores", Pooling.MEAN);
            Map<String, String> params = Map.of("backbone", MOBILENET);
            FeatureMatrix x;
            try (RootAllocator allocator = new RootAllocator()) {
                x = FeatureMatrices.read(store, cores, params, allocator);
            }
            assertEquals(tma.centres().size(), x.rows(), x.slideIds().toString());
            Map<String, Integer> unitsPerPatient = new HashMap<>();
            for (int i = 0; i < x.rows(); i++) {
                unitsPerPatient.merge(x.patientId(i).orElseThrow(), 1, Integer::sum);
            }
            assertEquals(tma.centres().size() - 1, unitsPerPatient.size());
            assertEquals(2, unitsPerPatient.get("P02"));

            double[][] y = new double[x.rows()][];
            for (int i = 0; i < y.length; i++) {
                y[i] = new double[] {x.get(i, 0) + 2 * x.get(i, 4), x.get(i, 7)};
            }
            RidgeModel model = RidgeHead.fit(x, new Targets(List.of("ERBB2", "MKI67"), y), RidgeOptions.shared(1.0));
            Bundle bundle = Bundle.of(BundleKind.AGGREGATE_RIDGE, BackboneProvenance.fromStore(store, MOBILENET),
                    TilingProvenance.fromStore(store, extractor.tilingId()), "none", FeatureSetProvenance.of(cores, params),
                    List.of(), Optional.empty(), Map.of(), LinearWeights.of(model));
            ScoreReport report = Scorer.score(store, bundle, "SELECT slide_id FROM slides", ScoreOptions.defaults());
            assertTrue(report.complete(), report.toString());
            assertEquals(2 * tma.centres().size(), report.predictionRows());
            double[][] expected = model.predict(x);
            try (Statement s = store.connection().createStatement();
                    ResultSet r = s.executeQuery("SELECT slide_id, patient_id, predicted FROM predictions WHERE gene = 'ERBB2'")) {
                int rows = 0;
                while (r.next()) {
                    int i = x.slideIds().indexOf(r.getString(1));
                    assertEquals(x.patientId(i).orElseThrow(), r.getString(2));
                    assertEquals(expected[i][0], r.getDouble(3), 1e-6);
                    rows++;
                }
                assertEquals(tma.centres().size(), rows);
            }
        }
    }
}
