package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

/** tessera annotations import: what it prints, and a bad file's one-line error and exit code. */
class AnnotationsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void importsQuPathGeoJsonAndRefusesAnUnknownSlideNamingTheFile() throws Exception {
        String store = tmp.resolve("store").toString();
        assertEquals(0, Cli.run("slides", "add", "--store", store, Shared.path("slides/CMU-1-Small-Region.svs").toString()).code());
        Path copy = tmp.resolve("cmu.geojson");
        Files.writeString(copy, """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "a", "geometry": {"type": "Polygon", "coordinates": [[[100, 100], [900, 120], [800, 900], [100, 100]]]},
                   "properties": {"objectType": "annotation", "classification": {"name": "Tumor", "color": [200, 0, 0]}}},
                  {"type": "Feature", "id": "b", "geometry": {"type": "Polygon", "coordinates": [[[10, 10], [20, 10], [20, 20], [10, 10]]]},
                   "properties": {"objectType": "detection"}}]}
                """);

        Cli ok = Cli.run("annotations", "import", copy.toString(), "--slide", "CMU-1-Small-Region", "--store", store);
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().contains("1 annotations") && ok.out().contains("{Tumor=1}"), ok.toString());
        assertTrue(ok.out().contains("skipped: 1 objects that are not annotations"), ok.toString());

        Cli unknown = Cli.run("annotations", "import", copy.toString(), "--slide", "nope", "--store", store);
        assertEquals(1, unknown.code(), unknown.toString());
        assertTrue(unknown.err().startsWith("tessera: error: " + copy) && unknown.err().contains("unknown slide 'nope'"), unknown.toString());

        Cli mask = Cli.run("annotations", "import", tmp.resolve("labels.png").toString(), "--slide", "CMU-1-Small-Region", "--store", store);
        assertEquals(2, mask.code(), mask.toString());
        assertTrue(mask.err().contains("a label mask needs --downsample and --classes"), mask.toString());
    }
}
