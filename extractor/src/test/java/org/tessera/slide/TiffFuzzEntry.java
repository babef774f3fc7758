package org.tessera.slide;

import java.nio.file.Path;

/**
 * The TIFF directory parser as a fuzz target sees it (the parser is package-private): opens the file, walks the
 * directory chain and reads the first and last stored tile of every tiled directory, as the direct reader would.
 */
public final class TiffFuzzEntry {
    private TiffFuzzEntry() {
    }

    public static void readDirectoriesAndTiles(Path file) throws SlideException {
        try (TiffFile tiff = TiffFile.open(file)) {
            for (TiffDirectory dir : tiff.directories()) {
                if (dir.tiled() && dir.tileOffsets().length > 0) {
                    tiff.tileBytes(dir, 0, "first tile");
                    tiff.tileBytes(dir, dir.tileOffsets().length - 1, "last tile");
                }
            }
        }
    }
}
