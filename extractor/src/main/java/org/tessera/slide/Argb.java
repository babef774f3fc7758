package org.tessera.slide;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Turns OpenSlide's premultiplied ARGB into opaque RGB composited over a background colour.
 *
 * <p>It exists because this runs once per tile on millions of tiles: it works in place on the
 * {@code int[]} behind a {@link BufferedImage#TYPE_INT_RGB} image, with no per-pixel {@code setRGB}. With
 * premultiplied colour {@code c'} = c a / 255, "over" needs no division by alpha:
 * {@code out = c' + bg (255 - a) / 255}, exact for a = 0 (background) and a = 255 (the pixel itself), and
 * for white {@code out = c' + 255 - a} exactly.
 */
final class Argb {

    /** White, OpenSlide's default when a slide states no {@code openslide.background-color}. */
    static final int WHITE = 0xFFFFFF;

    private Argb() {
    }

    /** A new opaque RGB image whose pixel array callers may fill directly (see {@link #pixels}). */
    static BufferedImage newRgb(int w, int h) {
        return new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    }

    /** The live pixel array of a {@link BufferedImage#TYPE_INT_RGB} image made by {@link #newRgb}. */
    static int[] pixels(BufferedImage rgb) {
        return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    }

    /** Composites premultiplied {@code 0xAARRGGBB} pixels over {@code background} (0xRRGGBB), in place. */
    static void compositeInPlace(int[] argb, int background) {
        int bgR = (background >>> 16) & 0xFF;
        int bgG = (background >>> 8) & 0xFF;
        int bgB = background & 0xFF;
        int opaqueBackground = background & 0xFFFFFF;
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 0xFF) {
                argb[i] = p & 0xFFFFFF;
            } else if (a == 0) {
                argb[i] = opaqueBackground;
            } else {
                int t = 255 - a;
                int r = Math.min(255, ((p >>> 16) & 0xFF) + (bgR * t + 127) / 255);
                int g = Math.min(255, ((p >>> 8) & 0xFF) + (bgG * t + 127) / 255);
                int b = Math.min(255, (p & 0xFF) + (bgB * t + 127) / 255);
                argb[i] = (r << 16) | (g << 8) | b;
            }
        }
    }

    /** Parses OpenSlide's {@code openslide.background-color} ("RRGGBB", hex). */
    static int parseBackground(String hex) {
        if (!hex.matches("[0-9a-fA-F]{6}")) {
            throw new IllegalArgumentException("background colour must be six hex digits RRGGBB, got '" + hex + "'");
        }
        return Integer.parseInt(hex, 16);
    }
}
