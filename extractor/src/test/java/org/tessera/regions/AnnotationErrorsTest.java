package org.tessera.regions;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad annotation files are refused with a message naming the file and the feature. */
class AnnotationErrorsTest {
    @TempDir
    Path tmp;

    private static String feature(String id, String cls, String coordinates) {
        return "{\"type\": \"Feature\", \"id\": \"" + id + "\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": "
                + coordinates + "}, \"properties\": {\"objectType\": \"annotation\", \"classification\": {\"name\": \"" + cls
                + "\", \"color\": [200, 0, 0]}}}";
    }

    private String refused(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        AnnotationException e = assertThrows(AnnotationException.class, () -> GeoJsonAnnotations.read(f, QuPathGeoJsonTest.CMU));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void malformedJsonNamesFileAndPlace() throws Exception {
        String m = refused("cut.geojson", "{\"type\": \"FeatureCollection\", \"features\": [" + feature("a", "Tumor",
                "[[[1, 1], [5, 1], [5, 5], [1, 1]]]").substring(0, 60));
        assertTrue(m.contains("not valid JSON") && m.contains("line 1"), m);
    }

    @Test
    void notGeoJsonIsRefused() throws Exception {
        String m = refused("other.json", "{\"slides\": []}");
        assertTrue(m.contains("expected a GeoJSON FeatureCollection"), m);
    }

    @Test
    void coordinatesOutsideTheSlideNameTheFeature() throws Exception {
        String m = refused("outside.geojson", "{\"type\": \"FeatureCollection\", \"features\": [" + feature("ok", "Tumor",
                "[[[10, 10], [50, 10], [50, 50], [10, 10]]]") + ", " + feature("far-away", "Stroma",
                "[[[100, 100], [5000, 100], [5000, 400], [100, 100]]]") + "]}");
        assertTrue(m.contains("feature 2 (id far-away, class Stroma)") && m.contains("outside the slide")
                && m.contains("2220 x 2967"), m);
    }

    @Test
    void selfIntersectingPolygonNamesTheFeatureAndWhere() throws Exception {
        // A bow tie: its edges cross at (150, 150).
        String m = refused("bowtie.geojson", feature("bow-tie", "Tumor", "[[[100, 100], [200, 200], [200, 100], [100, 200], [100, 100]]]"));
        assertTrue(m.contains("feature 1 (id bow-tie, class Tumor)") && m.contains("Self-intersection")
                && m.contains("(150.0, 150.0)"), m);
    }

    @Test
    void unclosedRingIsRefused() throws Exception {
        String m = refused("open.geojson", feature("open", "Tumor", "[[[1, 1], [5, 1], [5, 5], [1, 5]]]"));
        assertTrue(m.contains("feature 1 (id open, class Tumor), outer ring") && m.contains("not closed"), m);
    }
}
