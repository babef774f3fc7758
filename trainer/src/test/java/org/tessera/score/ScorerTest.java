package org.tessera.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.backbone.BackboneCard;
import org.tessera.bundle.BackboneProvenance;
import org.tessera.bundle.Bundle;
import org.tessera.bundle.TilingProvenance;
import org.tessera.store.FeatureStore;
import org.tessera.store.Ids;
import org.tessera.tiling.TilingSpec;

class ScorerTest {
    private static final String ALL = "SELECT slide_id FROM slides";

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    private static ScoringStore fixture;

    @BeforeAll
    static void buildStore() throws Exception {
        fixture = ScoringStore.build(shared.resolve("store"));
    }

    @AfterAll
    static void closeStore() {
        if (fixture != null) {
            fixture.store.close();
        }
    }

    private FeatureStore store() {
        return fixture.store;
    }

    /** The store's predictions of one bundle, keyed "slide/gene". */
    private Map<String, Double> stored(String bundleId) throws Exception {
        Map<String, Double> out = new TreeMap<>();
        try (PreparedStatement p = store().connection().prepareStatement(
                "SELECT slide_id, gene, predicted FROM predictions WHERE bundle_id = ?")) {
            p.setString(1, bundleId);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1) + "/" + r.getString(2), r.getDouble(3));
                }
            }
        }
        return out;
    }

    private static void assertSameValues(Map<String, Double> expected, Map<String, Double> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertEquals(v, actual.get(k), 1e-6, k));
    }

    @Test
    void aWrittenBundlePredictsWhatItsHeadPredictsWithoutInference() throws Exception {
        Path dir = tmp.resolve("bundle");
        String id = fixture.bundle().write(dir);
        Bundle read = Bundle.read(dir);
        Path csv = tmp.resolve("out/predictions.csv");

        ScoreReport report = Scorer.score(store(), read, ALL, ScoreOptions.defaults().withOut(csv, OutputFormat.CSV));

        assertEquals(id, report.bundleId());
        assertEquals(2, report.slidesScored(), report.toString());
        assertEquals(0, report.slidesExtracted(), "both slides were embedded already");
        assertEquals(0, report.tilesEmbedded());
        assertTrue(report.complete(), report.toString());
        assertEquals(6, report.predictionRows());
        Map<String, Double> expected = fixture.expected();
        assertEquals(6, expected.size());
        assertSameValues(expected, stored(id));

        List<String> lines = Files.readAllLines(csv);
        assertEquals("slide_id,patient_id,gene,predicted", lines.get(0));
        assertEquals(7, lines.size(), lines.toString());
        Map<String, Double> fromCsv = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            fromCsv.put(f[0] + "/" + f[2], Double.parseDouble(f[3]));
        }
        assertSameValues(expected, fromCsv);
        assertTrue(lines.stream().anyMatch(l -> l.contains("TCGA-CR-7395")), "patient ids are exported");
    }

    @Test
    void scoringTwiceReplacesRatherThanDuplicatesAndWritesParquet() throws Exception {
        Bundle bundle = fixture.bundle();
        Path parquet = tmp.resolve("p.parquet");
        Scorer.score(store(), bundle, ALL, ScoreOptions.defaults());
        ScoreReport again = Scorer.score(store(), bundle, "SELECT slide_id FROM slides WHERE name LIKE 'TCGA%'",
                ScoreOptions.defaults().withOut(parquet, OutputFormat.PARQUET));
        assertEquals(1, again.slidesScored());
        try (Statement s = store().connection().createStatement();
                ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM predictions WHERE bundle_id = '" + bundle.id() + "'), "
                        + "(SELECT count(*) FROM read_parquet('" + parquet + "')), (SELECT count(*) FROM bundles WHERE bundle_id = '"
                        + bundle.id() + "')")) {
            r.next();
            assertEquals(6, r.getLong(1), "2 slides x 3 genes, once each");
            assertEquals(3, r.getLong(2), "the export holds this run's slide only");
            assertEquals(1, r.getLong(3));
        }
    }

    @Test
    void aBackboneOfTheSameNameWithOtherWeightsIsRefusedNamingBothChecksums() throws Exception {
        BackboneProvenance real = BackboneProvenance.fromStore(store(), ScoringStore.MOBILENET);
        BackboneCard c = real.card();
        String other = "ab".repeat(32);
        BackboneCard otherCard = new BackboneCard(c.name(), c.model(), c.inputName(), c.inputSize(), c.channelOrder(), c.mean(),
                c.std(), c.outputName(), c.dimension(), other, c.description(), c.licence());
        Bundle bundle = fixture.bundle(new BackboneProvenance(c.name(), other, otherCard),
                TilingProvenance.fromStore(store(), fixture.tilingId), fixture.bundle().featureSet());

        ScoreException e = assertThrows(ScoreException.class, () -> Scorer.score(store(), bundle, ALL, ScoreOptions.defaults()));

        assertTrue(e.getMessage().contains(other) && e.getMessage().contains(real.weightsSha256()), e.getMessage());
        assertTrue(stored(bundle.id()).isEmpty(), "nothing is written for a refused bundle");
    }

    @Test
    void slidesNotEmbeddedUnderTheBundlesTilingAreRefusedWhenExtractionIsOff() throws Exception {
        TilingProvenance current = TilingProvenance.fromStore(store(), fixture.tilingId);
        TilingSpec coarser = new TilingSpec(448, 1.0, 448, 0.5);
        TilingProvenance other = new TilingProvenance(Ids.tilingId(coarser.key(), current.tissueMethod()), coarser,
                current.tissueMethod());
        Bundle bundle = fixture.bundle(fixture.bundle().backbone(), other, fixture.bundle().featureSet());

        ScoreException e = assertThrows(ScoreException.class, () -> Scorer.score(store(), bundle, ALL,
                ScoreOptions.defaults().withExtractMissing(false)));

        assertTrue(e.getMessage().contains("2 of 2 selected slides have no embeddings"), e.getMessage());
        assertTrue(e.getMessage().contains("CMU-1-Small-Region") && e.getMessage().contains(fixture.tilingId), e.getMessage());
    }

    @Test
    void aSlideMissingUnderTheBundlesTilingIsEmbeddedOnceAndTheOtherTilingDoesNotLeakIn() throws Exception {
        TilingProvenance current = TilingProvenance.fromStore(store(), fixture.tilingId);
        TilingSpec large = TilingSpec.of(896, 0.5); // a handful of tiles on the small CMU slide
        TilingProvenance other = new TilingProvenance(Ids.tilingId(large.key(), current.tissueMethod()), large,
                current.tissueMethod());
        Bundle bundle = fixture.bundle(fixture.bundle().backbone(), other, fixture.bundle().featureSet());
        String cmuOnly = "SELECT slide_id FROM slides WHERE name = 'CMU-1-Small-Region'";

        ScoreReport first = Scorer.score(store(), bundle, cmuOnly, ScoreOptions.defaults());
        ScoreReport second = Scorer.score(store(), bundle, cmuOnly, ScoreOptions.defaults());

        assertEquals(1, first.slidesExtracted(), first.toString());
        assertTrue(first.tilesEmbedded() > 0, first.toString());
        assertEquals(0, second.slidesExtracted(), "already embedded under the bundle's tiling: no inference");
        assertEquals(0, second.tilesEmbedded());
        assertEquals(1, second.slidesScored());
        // The CMU slide now has means under two tilings; the 448 px bundle still sees only its own.
        Bundle original = fixture.bundle();
        Scorer.score(store(), original, ALL, ScoreOptions.defaults());
        assertSameValues(fixture.expected(), stored(original.id()));
        Map.Entry<String, Double> coarse = stored(bundle.id()).entrySet().iterator().next();
        assertTrue(Math.abs(coarse.getValue() - fixture.expected().get(coarse.getKey())) > 1e-9,
                "the 896 px features of " + coarse.getKey() + " differ from the 448 px ones");
    }
}
