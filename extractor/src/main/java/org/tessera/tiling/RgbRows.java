package org.tessera.tiling;

import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Reads rows of an image as packed RGB without a method call per pixel: straight from the data buffer for
 * the int-RGB and 3-byte-BGR layouts that slide readers and ImageIO's JPEG decoder produce, through bulk
 * {@link BufferedImage#getRGB(int, int, int, int, int[], int, int)} otherwise.
 */
final class RgbRows {
    private final BufferedImage image;
    private final int[] ints;
    private final byte[] bytes;
    private final int offset;
    private final int scanline;
    private final int pixelStride;

    /** Every pixel of the image as packed RGB, row-major. */
    static int[] all(BufferedImage image) {
        int w = image.getWidth();
        int[] out = new int[w * image.getHeight()];
        RgbRows rows = new RgbRows(image);
        for (int y = 0; y < image.getHeight(); y++) {
            rows.read(y, w, out, y * w);
        }
        return out;
    }

    RgbRows(BufferedImage image) {
        this.image = image;
        Raster raster = image.getRaster();
        int type = image.getType();
        boolean untranslated = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getParent() == null;
        if (untranslated && (type == BufferedImage.TYPE_INT_RGB || type == BufferedImage.TYPE_INT_ARGB)
                && raster.getDataBuffer() instanceof DataBufferInt db && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm) {
            ints = db.getData();
            bytes = null;
            offset = db.getOffset();
            scanline = sm.getScanlineStride();
            pixelStride = 1;
        } else if (untranslated && type == BufferedImage.TYPE_3BYTE_BGR
                && raster.getDataBuffer() instanceof DataBufferByte db && db.getNumBanks() == 1
                && raster.getSampleModel() instanceof ComponentSampleModel sm) {
            ints = null;
            bytes = db.getData();
            offset = db.getOffset();
            scanline = sm.getScanlineStride();
            pixelStride = sm.getPixelStride();
        } else {
            ints = null;
            bytes = null;
            offset = 0;
            scanline = 0;
            pixelStride = 0;
        }
    }

    /** Packed 0xRRGGBB of pixels {@code 0..n-1} of row {@code y} into {@code out}. */
    void read(int y, int n, int[] out) {
        read(y, n, out, 0);
    }

    /** Packed 0xRRGGBB of pixels {@code 0..n-1} of row {@code y} into {@code out[at .. at + n)}. */
    void read(int y, int n, int[] out, int at) {
        if (ints != null) {
            int base = offset + y * scanline;
            for (int x = 0; x < n; x++) {
                out[at + x] = ints[base + x] & 0xFFFFFF;
            }
        } else if (bytes != null) {
            int p = offset + y * scanline;
            for (int x = 0; x < n; x++, p += pixelStride) {
                out[at + x] = (bytes[p + 2] & 0xFF) << 16 | (bytes[p + 1] & 0xFF) << 8 | (bytes[p] & 0xFF);
            }
        } else {
            image.getRGB(0, y, n, 1, out, at, n);
            for (int x = 0; x < n; x++) {
                out[at + x] &= 0xFFFFFF;
            }
        }
    }
}
