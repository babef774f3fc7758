package org.tessera.tiling;

import java.awt.image.BufferedImage;

/**
 * A separable Gaussian blur of an RGB image (kernel to 3 sigma, normalised; edges clamped; rounded back to 0..255):
 * a stand-in for an out-of-focus scan when choosing and testing the sharpness threshold.
 */
public final class GaussianBlur {
    private GaussianBlur() {
    }

    /** The image blurred with standard deviation {@code sigma} pixels (the image itself for sigma 0). */
    public static BufferedImage apply(BufferedImage in, double sigma) {
        if (!(sigma >= 0)) {
            throw new IllegalArgumentException("sigma must be non-negative, got " + sigma);
        }
        if (sigma == 0) {
            return in;
        }
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double total = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            total += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= total;
        }
        int w = in.getWidth();
        int h = in.getHeight();
        int[] rgb = RgbRows.all(in);
        double[][] channels = new double[3][w * h];
        for (int i = 0; i < rgb.length; i++) {
            channels[0][i] = (rgb[i] >> 16) & 0xFF;
            channels[1][i] = (rgb[i] >> 8) & 0xFF;
            channels[2][i] = rgb[i] & 0xFF;
        }
        int[] out = new int[w * h];
        for (int c = 0; c < 3; c++) {
            double[] v = pass(pass(channels[c], w, h, k, r, true), w, h, k, r, false);
            for (int i = 0; i < out.length; i++) {
                out[i] |= (int) Math.max(0, Math.min(255, Math.round(v[i]))) << (16 - 8 * c);
            }
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, out, 0, w);
        return image;
    }

    private static double[] pass(double[] v, int w, int h, double[] k, int r, boolean horizontal) {
        double[] out = new double[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = horizontal ? Math.min(w - 1, Math.max(0, x + i)) : x;
                    int yy = horizontal ? y : Math.min(h - 1, Math.max(0, y + i));
                    s += k[i + r] * v[yy * w + xx];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}
