package org.tessera.spots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.tessera.spatial.LegacyStReader;
import org.tessera.spatial.Section;
import org.tessera.testkit.Shared;

/**
 * Real HER2ST sections (counts through {@link LegacyStReader}) with real but cheap image features: per spot the
 * mean and standard deviation of R, G and B over a square crop the size of the spot (about 145 px at full
 * resolution) and over one twice as wide, 12 numbers, from the H&E image decoded at 1/4 resolution.
 * Loaded once per JVM (about 10 s).
 */
final class Her2stSpots {
    static final int SUBSAMPLING = 4;
    private static SpotData cached;

    private Her2stSpots() {
    }

    static synchronized SpotData load() throws IOException {
        if (cached == null) {
            List<String> names = org.tessera.spatial.Her2st.SECTIONS;
            List<Section> sections = new ArrayList<>();
            List<double[][]> features = new ArrayList<>();
            for (String name : names) {
                Section s = LegacyStReader.read(name, Shared.path("her2st/counts/" + name + ".tsv.gz"),
                        Shared.path("her2st/spots/" + name + "_selection.tsv"));
                sections.add(s);
                features.add(colourFeatures(s, Shared.path("her2st/images/" + name + ".jpg")));
            }
            cached = SpotData.fromCounts(sections, names.stream().map(n -> n.substring(0, 1)).toList(), features);
        }
        return cached;
    }

    static double[][] colourFeatures(Section s, Path image) throws IOException {
        BufferedImage img;
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            try {
                reader.setInput(in);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(SUBSAMPLING, SUBSAMPLING, 0, 0);
                img = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
        double[][] out = new double[s.spots().size()][];
        for (int i = 0; i < out.length; i++) {
            Section.Spot spot = s.spots().get(i);
            int cx = (int) Math.round(spot.pixelX() / SUBSAMPLING);
            int cy = (int) Math.round(spot.pixelY() / SUBSAMPLING);
            double[] f = new double[12];
            crop(img, cx, cy, 18, f, 0);
            crop(img, cx, cy, 36, f, 6);
            out[i] = f;
        }
        return out;
    }

    /** Mean and sd of R, G, B over the square of half-side {@code half} around (cx, cy), clipped to the image. */
    private static void crop(BufferedImage img, int cx, int cy, int half, double[] f, int at) {
        double[] sum = new double[3];
        double[] sq = new double[3];
        int n = 0;
        for (int y = Math.max(0, cy - half); y < Math.min(img.getHeight(), cy + half); y++) {
            for (int x = Math.max(0, cx - half); x < Math.min(img.getWidth(), cx + half); x++) {
                int rgb = img.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    double v = (rgb >> (16 - 8 * c)) & 0xff;
                    sum[c] += v;
                    sq[c] += v * v;
                }
                n++;
            }
        }
        for (int c = 0; c < 3; c++) {
            double mean = sum[c] / n;
            f[at + c] = mean;
            f[at + 3 + c] = Math.sqrt(Math.max(0, sq[c] / n - mean * mean));
        }
    }
}
