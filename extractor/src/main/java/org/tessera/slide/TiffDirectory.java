package org.tessera.slide;

/**
 * The fields of one TIFF image file directory that the direct tile reader needs, checked for consistency.
 * Arrays are owned by the record (the parser hands over fresh copies) and never modified.
 *
 * @param index position of the directory in the file's chain, from 0
 * @param width image width (ImageWidth)
 * @param length image height (ImageLength)
 * @param tileWidth TileWidth, 0 when the image is stored in strips
 * @param tileLength TileLength, 0 when the image is stored in strips
 * @param compression Compression (1 none, 5 LZW, 7 JPEG, 8 deflate, 33003/33005 Aperio JPEG 2000, ...)
 * @param photometric PhotometricInterpretation (2 RGB, 6 YCbCr, ...)
 * @param samplesPerPixel SamplesPerPixel
 * @param planarConfig PlanarConfiguration (1 contiguous, 2 separate)
 * @param tileOffsets TileOffsets, row-major, empty when not tiled
 * @param tileByteCounts TileByteCounts, as many as offsets
 * @param jpegTables JPEGTables (a JPEG stream of tables only, SOI ... EOI), empty when absent
 */
record TiffDirectory(int index, long width, long length, int tileWidth, int tileLength, int compression, int photometric,
        int samplesPerPixel, int planarConfig, long[] tileOffsets, long[] tileByteCounts, byte[] jpegTables) {

    static final int COMPRESSION_JPEG = 7;
    static final int PHOTOMETRIC_RGB = 2;
    static final int PHOTOMETRIC_YCBCR = 6;

    TiffDirectory {
        if (width <= 0 || length <= 0 || width > Integer.MAX_VALUE || length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("directory " + index + ": image size " + width + "x" + length
                    + " is not in 1.." + Integer.MAX_VALUE);
        }
        if (tileOffsets.length != tileByteCounts.length) {
            throw new IllegalArgumentException("directory " + index + ": " + tileOffsets.length + " tile offsets but "
                    + tileByteCounts.length + " tile byte counts");
        }
        if (tileOffsets.length > 0) { // tiled(): fields are not assigned yet
            if (tileWidth <= 0 || tileLength <= 0) {
                throw new IllegalArgumentException("directory " + index + ": tile size " + tileWidth + "x" + tileLength
                        + " is not positive");
            }
            long expected = tilesAcross(width, tileWidth) * tilesAcross(length, tileLength) * (planarConfig == 2 ? samplesPerPixel : 1);
            if (tileOffsets.length != expected) {
                throw new IllegalArgumentException("directory " + index + ": " + tileOffsets.length + " tiles listed, "
                        + expected + " expected for " + width + "x" + length + " in " + tileWidth + "x" + tileLength + " tiles");
            }
        }
    }

    private static long tilesAcross(long size, int tile) {
        return (size + tile - 1) / tile;
    }

    /** Whether the directory lists tiles (TileOffsets present). */
    boolean tiled() {
        return tileOffsets.length > 0;
    }

    int tilesAcross() {
        return (int) tilesAcross(width, tileWidth);
    }

    int tilesDown() {
        return (int) tilesAcross(length, tileLength);
    }

    /**
     * Why the direct reader cannot decode this directory's tiles ("" when it can): tiled, JPEG, 3 samples,
     * contiguous, photometric RGB or YCbCr.
     */
    String directReaderProblem() {
        if (!tiled()) {
            return "not tiled";
        }
        if (compression != COMPRESSION_JPEG) {
            return "compression " + compression + " is not JPEG (7)";
        }
        if (samplesPerPixel != 3 || planarConfig != 1) {
            return samplesPerPixel + " samples per pixel, planar configuration " + planarConfig;
        }
        if (photometric != PHOTOMETRIC_RGB && photometric != PHOTOMETRIC_YCBCR) {
            return "photometric interpretation " + photometric + " is neither RGB (2) nor YCbCr (6)";
        }
        return "";
    }
}
