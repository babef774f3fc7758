package org.tessera.tissue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tessera.testkit.Shared;

/**
 * Test helper: the HER2ST C2 image reduced 5x by box averaging (crop to 9270x9910 first), as the scipy
 * reference does it: {@code t = im[:H//5*5, :W//5*5].reshape(H//5,5,W//5,5,3).mean(axis=(1,3));
 * t = floor(t + 0.5)}. Cached: decoding the 9274x9911 JPEG takes a few seconds.
 */
final class Her2stThumbnail {
    static final int FACTOR = 5;
    private static BufferedImage cached;

    private Her2stThumbnail() {
    }

    static synchronized BufferedImage c2() throws IOException {
        if (cached == null) {
            Path jpg = Shared.path("her2st/images/C2.jpg");
            BufferedImage full = ImageIO.read(jpg.toFile());
            if (full == null || full.getType() != BufferedImage.TYPE_3BYTE_BGR) {
                throw new IOException(jpg + ": expected a 3-byte BGR JPEG decode");
            }
            cached = reduce(full);
        }
        return cached;
    }

    private static BufferedImage reduce(BufferedImage full) {
        byte[] src = ((DataBufferByte) full.getRaster().getDataBuffer()).getData();
        int fw = full.getWidth();
        int w = fw / FACTOR;
        int h = full.getHeight() / FACTOR;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int n = FACTOR * FACTOR;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < FACTOR; dy++) {
                    int p = ((y * FACTOR + dy) * fw + x * FACTOR) * 3;
                    for (int dx = 0; dx < FACTOR; dx++, p += 3) {
                        b += src[p] & 0xFF;
                        g += src[p + 1] & 0xFF;
                        r += src[p + 2] & 0xFF;
                    }
                }
                dst[y * w + x] = (r * 2 + n) / (2 * n) << 16 | (g * 2 + n) / (2 * n) << 8 | (b * 2 + n) / (2 * n);
            }
        }
        return out;
    }
}
