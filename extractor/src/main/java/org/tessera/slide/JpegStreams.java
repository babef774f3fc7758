package org.tessera.slide;

/**
 * Builds a complete JPEG stream from a TIFF tile: the directory's shared {@code JPEGTables} spliced in front
 * of the tile's own data, and an Adobe APP14 marker that states the colour transform.
 *
 * <p>The marker is what libtiff does by other means: libtiff sets libjpeg's {@code jpeg_color_space} from the
 * TIFF photometric interpretation (YCbCr: convert to RGB; RGB: no conversion), whereas a bare JPEG stream
 * makes libjpeg guess from its markers and component ids. Aperio's RGB tiles have no marker and component ids
 * 0, 1, 2, so libjpeg would guess YCbCr and convert colours that are already RGB. An Adobe marker with
 * transform 0 makes it RGB, transform 1 YCbCr, whatever the ids. (A JFIF marker in the tile would still win
 * and force YCbCr; the check against OpenSlide at open catches that case.)
 */
final class JpegStreams {

    private static final int MARKER = 0xFF;
    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    /** FF EE, length 14, "Adobe", version 100, flags 0 and 0, then the transform byte. */
    private static final byte[] ADOBE = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0};

    private JpegStreams() {
    }

    /**
     * The stream to decode for one tile.
     *
     * @param tables the directory's JPEGTables (SOI, tables, EOI), or empty
     * @param tile the tile's stored bytes, starting with SOI
     * @param rgb whether the components are R, G, B (photometric RGB) rather than Y, Cb, Cr
     * @throws IllegalArgumentException when the tile or the tables are not framed by SOI (and EOI)
     */
    static byte[] tile(byte[] tables, byte[] tile, boolean rgb) {
        if (!startsWithSoi(tile)) {
            throw new IllegalArgumentException("tile data does not start with a JPEG SOI marker");
        }
        int tablesBody = 0;
        if (tables.length > 0) {
            if (tables.length < 4 || !startsWithSoi(tables) || (tables[tables.length - 2] & 0xFF) != MARKER
                    || (tables[tables.length - 1] & 0xFF) != EOI) {
                throw new IllegalArgumentException("JPEGTables is not a JPEG stream framed by SOI and EOI");
            }
            tablesBody = tables.length - 4;
        }
        byte[] out = new byte[2 + ADOBE.length + 1 + tablesBody + tile.length - 2];
        out[0] = (byte) MARKER;
        out[1] = (byte) SOI;
        System.arraycopy(ADOBE, 0, out, 2, ADOBE.length);
        int at = 2 + ADOBE.length;
        out[at++] = (byte) (rgb ? 0 : 1);
        System.arraycopy(tables, 2, out, at, tablesBody);
        at += tablesBody;
        System.arraycopy(tile, 2, out, at, tile.length - 2);
        return out;
    }

    private static boolean startsWithSoi(byte[] data) {
        return data.length >= 2 && (data[0] & 0xFF) == MARKER && (data[1] & 0xFF) == SOI;
    }
}
