package org.tessera.slide;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Test helpers that summarise RGB images the same way the Python reference scripts do. */
final class Pixels {
    private Pixels() {
    }

    /** SHA-256 of the image's bytes R,G,B per pixel, row-major: numpy's {@code rgb.astype(uint8).tobytes()}. */
    static String sha256(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] bytes = new byte[w * h * 3];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = image.getRGB(x, y);
                bytes[i++] = (byte) (p >> 16);
                bytes[i++] = (byte) (p >> 8);
                bytes[i++] = (byte) p;
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 0xRRGGBB of one pixel. */
    static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    /** Mean of each channel (R, G, B) over the image. */
    static double[] mean(BufferedImage image) {
        double[] sum = new double[3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                sum[0] += (p >> 16) & 0xFF;
                sum[1] += (p >> 8) & 0xFF;
                sum[2] += p & 0xFF;
            }
        }
        double n = (double) image.getWidth() * image.getHeight();
        return new double[] {sum[0] / n, sum[1] / n, sum[2] / n};
    }

    /** Largest per-channel difference between two pixels given as 0xRRGGBB. */
    static int channelDistance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }
}
