package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

class ScoreCommandTest {
    private static final String MOBILENET = "mobilenet_v2_imagenet";

    @TempDir
    Path tmp;

    private String store() {
        return tmp.resolve("store").toString();
    }

    /** The CMU slide embedded as 448 px tiles through the CLI; returns the tiling id. */
    private String extractedStore() throws Exception {
        for (Cli step : List.of(
                Cli.run("backbone", "add", MOBILENET, "--store", store(), "--models", Shared.path("models").toString()),
                Cli.run("slides", "add", Shared.path("slides/CMU-1-Small-Region.svs").toString(), "--store", store()),
                Cli.run("extract", "--store", store(), "--backbone", MOBILENET, "--tile-px", "448", "--no-previews"))) {
            assertEquals(0, step.code(), step.toString());
        }
        try (FeatureStore s = FeatureStore.openReadOnly(Path.of(store()));
                var st = s.connection().createStatement(); var r = st.executeQuery("SELECT tiling_id FROM embedding_sets")) {
            r.next();
            return r.getString(1);
        }
    }

    /** A ridge head on the slide's tiles with made-up targets, bundled over slide means; {@code weightsSha} overrides the card's. */
    private Path bundle(String tilingId, String name, Optional<String> weightsSha) throws Exception {
        try (FeatureStore s = FeatureStore.open(Path.of(store())); RootAllocator allocator = new RootAllocator()) {
            FeatureMatrix tiles = FeatureMatrices.read(s, FeatureSet.named("tiles", Pooling.NONE),
                    Map.of("backbone", MOBILENET, "min_tissue", "0.5"), allocator);
            double[][] y = new double[tiles.rows()][];
            for (int i = 0; i < y.length; i++) {
                y[i] = new double[] {tiles.get(i, 3) * 4, tiles.tileIndex(i) % 5};
            }
            RidgeModel model = RidgeHead.fit(tiles, new Targets(List.of("ERBB2", "ESR1"), y), RidgeOptions.shared(1.0));
            BackboneProvenance backbone = BackboneProvenance.fromStore(s, MOBILENET);
            if (weightsSha.isPresent()) {
                BackboneCard c = backbone.card();
                backbone = new BackboneProvenance(MOBILENET, weightsSha.get(), new BackboneCard(c.name(), c.model(), c.inputName(),
                        c.inputSize(), c.channelOrder(), c.mean(), c.std(), c.outputName(), c.dimension(), weightsSha.get(),
                        c.description(), c.licence()));
            }
            Bundle b = Bundle.of(BundleKind.AGGREGATE_RIDGE, backbone, TilingProvenance.fromStore(s, tilingId), "none",
                    FeatureSetProvenance.of(FeatureSet.named("slide_mean", Pooling.NONE), Map.of("backbone", MOBILENET)),
                    List.of("log2(1+x)"), Optional.empty(), Map.of(), LinearWeights.of(model));
            Path dir = tmp.resolve(name);
            b.write(dir);
            return dir;
        }
    }

    @Test
    void scorePrintsASummaryAndWritesTheCsv() throws Exception {
        Path bundle = bundle(extractedStore(), "bundle", Optional.empty());
        Path csv = tmp.resolve("predictions.csv");

        Cli score = Cli.run("score", bundle.toString(), "--store", store(), "--out", csv.toString());

        assertEquals(0, score.code(), score.toString());
        assertTrue(score.out().contains("1 slides selected, 1 scored, 0 embedded now (0 tiles), 0 not scored; 2 predictions"),
                score.out());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("slide_id,patient_id,gene,predicted", lines.get(0));
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).contains(",ERBB2,") && lines.get(2).contains(",ESR1,"), lines.toString());
        Cli count = Cli.run("sql", "--store", store(), "--format", "csv", "SELECT count(*) AS n FROM predictions");
        assertEquals("n\n2\n", count.out(), count.toString());
    }

    @Test
    void aBundleForOtherWeightsExitsOneNamingBothChecksums() throws Exception {
        String other = "cd".repeat(32);
        Path bundle = bundle(extractedStore(), "other", Optional.of(other));

        Cli score = Cli.run("score", bundle.toString(), "--store", store(), "--format", "csv", "--out", tmp.resolve("x.csv").toString());

        assertEquals(1, score.code(), score.toString());
        assertTrue(score.err().contains("tessera: error:") && score.err().contains(other)
                && score.err().contains(BackboneCard.builtin(MOBILENET).sha256()), score.err());
        assertTrue(Files.notExists(tmp.resolve("x.csv")));
    }

    @Test
    void aDamagedBundleExitsOneNamingTheField() throws Exception {
        Path bundle = bundle(extractedStore(), "bundle", Optional.empty());
        Path manifest = bundle.resolve("bundle.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"stain\" : \"none\",", ""));

        Cli score = Cli.run("score", bundle.toString(), "--store", store());

        assertEquals(1, score.code(), score.toString());
        assertTrue(score.err().contains("bundle.json: field 'stain' is missing"), score.err());
    }
}
