package org.tessera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tessera.testkit.Shared;

/** HER2ST sections as the legacy folder 'tessera import st --legacy-dir' reads: links to the files in ../shared. */
final class Her2stFolder {
    private Her2stFolder() {
    }

    /** Creates {@code dir} with counts/, spots/ and images/ holding links to the given sections' files. */
    static Path legacy(Path dir, String... sections) throws IOException {
        for (String sub : new String[] {"counts", "spots", "images"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        for (String s : sections) {
            Files.createSymbolicLink(dir.resolve("counts/" + s + ".tsv.gz"), Shared.path("her2st/counts/" + s + ".tsv.gz"));
            Files.createSymbolicLink(dir.resolve("spots/" + s + "_selection.tsv"), Shared.path("her2st/spots/" + s + "_selection.tsv"));
            Files.createSymbolicLink(dir.resolve("images/" + s + ".jpg"), Shared.path("her2st/images/" + s + ".jpg"));
        }
        return dir;
    }
}
