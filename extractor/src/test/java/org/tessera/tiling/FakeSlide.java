package org.tessera.tiling;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.tessera.slide.Dimensions;
import org.tessera.slide.Slide;

/**
 * A pyramid held in memory, for testing level choice and reads without OpenSlide. Level images are given
 * with their downsamples; {@link #readRegion} crops them and pads with white.
 */
record FakeSlide(List<BufferedImage> levels, List<Double> downsamples) implements Slide {

    @Override
    public Path path() {
        return Path.of("fake.svs");
    }

    @Override
    public String reader() {
        return "fake";
    }

    @Override
    public String vendor() {
        return "fake";
    }

    @Override
    public int levelCount() {
        return levels.size();
    }

    @Override
    public Dimensions levelDimensions(int level) {
        return new Dimensions(levels.get(level).getWidth(), levels.get(level).getHeight());
    }

    @Override
    public double levelDownsample(int level) {
        return downsamples.get(level);
    }

    @Override
    public OptionalDouble mpp() {
        return OptionalDouble.of(0.25);
    }

    @Override
    public OptionalDouble objectivePower() {
        return OptionalDouble.empty();
    }

    @Override
    public Map<String, String> properties() {
        return Map.of();
    }

    @Override
    public String fingerprint() {
        return "fake";
    }

    @Override
    public Set<String> associatedImageNames() {
        return Set.of();
    }

    @Override
    public BufferedImage associatedImage(String name) {
        throw new IllegalArgumentException("no associated image " + name);
    }

    @Override
    public BufferedImage readRegion(long x, long y, int level, int w, int h) {
        BufferedImage src = levels.get(level);
        double ds = downsamples.get(level);
        int x0 = (int) Math.floor(x / ds);
        int y0 = (int) Math.floor(y / ds);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int sx = x0 + i;
                int sy = y0 + j;
                boolean in = sx < src.getWidth() && sy < src.getHeight();
                out.setRGB(i, j, in ? src.getRGB(sx, sy) : 0xFFFFFF);
            }
        }
        return out;
    }

    @Override
    public void close() {
    }
}
