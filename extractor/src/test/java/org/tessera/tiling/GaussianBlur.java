package org.tessera.tiling;

import java.awt.image.BufferedImage;

/** A separable Gaussian blur for tests (kernel to 3 sigma, edges clamped): a stand-in for an out-of-focus scan. */
final class GaussianBlur {
    private GaussianBlur() {
    }

    static BufferedImage apply(BufferedImage in, double sigma) {
        if (sigma <= 0) {
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
        double[][] ch = new double[3][w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = in.getRGB(x, y);
                ch[0][y * w + x] = (p >> 16) & 0xFF;
                ch[1][y * w + x] = (p >> 8) & 0xFF;
                ch[2][y * w + x] = p & 0xFF;
            }
        }
        for (int c = 0; c < 3; c++) {
            ch[c] = pass(pass(ch[c], w, h, k, r, 1, 0), w, h, k, r, 0, 1);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < w * h; i++) {
            int rr = (int) Math.round(ch[0][i]);
            int gg = (int) Math.round(ch[1][i]);
            int bb = (int) Math.round(ch[2][i]);
            out.setRGB(i % w, i / w, rr << 16 | gg << 8 | bb);
        }
        return out;
    }

    private static double[] pass(double[] v, int w, int h, double[] k, int r, int dx, int dy) {
        double[] out = new double[v.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    int xx = Math.min(w - 1, Math.max(0, x + i * dx));
                    int yy = Math.min(h - 1, Math.max(0, y + i * dy));
                    s += k[i + r] * v[yy * w + xx];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}
