package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlideManifestTest {
    @TempDir
    Path tmp;

    private List<SlideImporter.Entry> read(String text) throws IOException {
        Path csv = tmp.resolve("slides.csv");
        Files.writeString(csv, text);
        return SlideImporter.manifest(csv, OptionalDouble.of(0.25), Optional.of("default"));
    }

    @Test
    void quotedNamesCommentsBomCrlfAndMissingValuesAreRead() throws Exception {
        List<SlideImporter.Entry> e = read("\uFEFF# scanned 2024\r\nSlide,Patient,Cohort,MPP\r\n\"a, first.svs\",P1,,NA\r\nb.svs,,BRCA,0.5\r\n");
        assertEquals(2, e.size());
        assertEquals(tmp.resolve("a, first.svs"), e.get(0).path());
        assertEquals(Optional.of("P1"), e.get(0).patient());
        assertEquals(Optional.of("default"), e.get(0).cohort());
        assertEquals(0.25, e.get(0).mpp().getAsDouble(), "NA takes the default");
        assertEquals(Optional.empty(), e.get(1).patient());
        assertEquals(0.5, e.get(1).mpp().getAsDouble());
    }

    @Test
    void badManifestsNameTheFileAndTheLine() {
        for (String[] c : new String[][] {
                {"patient,cohort\nP1,C\n", "no 'slide' column"},
                {"slide,mpp\na.svs,fast\n", "line 2: mpp 'fast' is not a number"},
                {"slide,mpp\na.svs,-1\n", "line 2: mpp -1 must be a positive number"},
                {"slide,patient\na.svs,P1,extra\n", "line 2 has 3 fields"},
                {"slide,patient\n\"a.svs,P1\n", "not closed"},
                {"slide,patient\n,P1\n", "line 2 has no slide path"},
                {"", "no header"}}) {
            IOException e = assertThrows(IOException.class, () -> read(c[0]), c[0]);
            assertTrue(e.getMessage().contains("slides.csv") && e.getMessage().contains(c[1]), e.getMessage());
        }
    }
}
