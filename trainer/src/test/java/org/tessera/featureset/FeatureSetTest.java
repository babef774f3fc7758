package org.tessera.featureset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSetTest {
    @TempDir
    Path tmp;

    @Test
    void namedSetsAreLoadedFromTheClasspathWithTheirParameters() {
        assertEquals(Set.of("backbone"), FeatureSet.named("slide_mean", Pooling.NONE).parameters());
        FeatureSet tiles = FeatureSet.named("tiles", Pooling.MEAN);
        assertEquals(Set.of("backbone", "min_tissue", "min_sharpness"), tiles.parameters());
        assertEquals(Set.of("backbone", "class", "min_fraction", "min_sharpness"), FeatureSet.named("region_tiles", Pooling.MEAN).parameters());
        assertEquals(Set.of("backbone", "min_sharpness"), FeatureSet.named("tma_cores", Pooling.MEAN).parameters());
        assertEquals("tiles", tiles.name());
        assertEquals(Pooling.MEAN, tiles.pooling());
    }

    @Test
    void anUnknownNameSaysWhichResourceWasMissing() {
        var e = assertThrows(IllegalArgumentException.class, () -> FeatureSet.named("nope", Pooling.NONE));
        assertTrue(e.getMessage().contains("sql/feature-sets/nope.sql"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FeatureSet.named("../migrations/V001__catalogue", Pooling.NONE));
    }

    @Test
    void parametersBecomeEscapedStringLiterals() {
        FeatureSet set = FeatureSet.inline("SELECT * FROM t WHERE a = ${a} AND b = ${a} OR c = ${c}", Pooling.NONE);
        assertEquals("SELECT * FROM t WHERE a = 'x''; DROP TABLE t; --' AND b = 'x''; DROP TABLE t; --' OR c = '$1'",
                set.render(Map.of("a", "x'; DROP TABLE t; --", "c", "$1")));
    }

    @Test
    void aDefaultIsUsedOnlyWhenNoValueIsGiven() {
        FeatureSet set = FeatureSet.inline("SELECT * FROM t WHERE s = ${stain:-none} AND m = CAST(${mpp:-0.5} AS DOUBLE)", Pooling.NONE);
        assertEquals("SELECT * FROM t WHERE s = 'none' AND m = CAST('0.5' AS DOUBLE)", set.render(Map.of()));
        assertEquals("SELECT * FROM t WHERE s = 'macenko' AND m = CAST('0.5' AS DOUBLE)", set.render(Map.of("stain", "macenko")));
        assertThrows(IllegalArgumentException.class, () -> set.render(Map.of("stian", "x")), "a misspelt name is still an error");
    }

    @Test
    void aMissingParameterIsNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FeatureSet.named("tiles", Pooling.MEAN).render(Map.of("backbone", "toy")));
        assertTrue(e.getMessage().contains("min_tissue") && e.getMessage().contains("'tiles'"), e.getMessage());
    }

    @Test
    void anUnusedParameterIsNamedSoATypoCannotPassSilently() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> FeatureSet.named("slide_mean", Pooling.NONE).render(Map.of("backbone", "toy", "backbon", "x")));
        assertTrue(e.getMessage().contains("backbon"), e.getMessage());
    }

    @Test
    void aFileSetIsNamedAfterTheFile() throws Exception {
        Path file = tmp.resolve("my_set.sql");
        Files.writeString(file, "SELECT slide_id, vector FROM slide_embeddings_mean");
        FeatureSet set = FeatureSet.fromFile(file, Pooling.NONE);
        assertEquals("my_set", set.name());
        assertEquals(Set.of(), set.parameters());
        assertThrows(java.io.IOException.class, () -> FeatureSet.fromFile(tmp.resolve("missing.sql"), Pooling.NONE));
    }

    @Test
    void anEmptyQueryIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> FeatureSet.inline("  ", Pooling.NONE));
    }
}
