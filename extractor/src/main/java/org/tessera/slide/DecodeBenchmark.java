package org.tessera.slide;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Measures the direct JPEG tile reader against OpenSlide's {@code read_region} on the same slide, and
 * libjpeg-turbo against ImageIO on a whole plain JPEG, each on one thread (so figures are per core), the best
 * of several rounds.
 *
 * <p>Each round opens both slides afresh so that neither reader's tile cache holds anything from an earlier
 * round (OpenSlide's own cache, 32 MB, would otherwise hold a whole small slide), then reads every stored tile of
 * level 0 once (aligned, tile-sized regions), then a grid of 224 px patches (the extractor's default tile, not
 * aligned with the stored tiles, so most patches span four of them). Opening is not timed. Rates are per second
 * of the reading thread's CPU time, the cost per core (a loaded machine stretches wall time, not that), and per
 * second of wall time; likewise CPU and wall seconds for the whole image.
 */
public final class DecodeBenchmark {

    /** Patch side of the unaligned grid, the extractor's default tile. */
    static final int PATCH = 224;

    /**
     * Regions read per second of the reading thread's CPU time ({@code cpu}: the cost per core, which other
     * processes on a loaded machine barely disturb) and per second of wall time, direct reader and OpenSlide.
     */
    public record Rates(int regions, double directCpu, double openSlideCpu, double directWall, double openSlideWall) {
        public double cpuRatio() {
            return directCpu / openSlideCpu;
        }

        public double wallRatio() {
            return directWall / openSlideWall;
        }
    }

    /** The figures, as printed and as written to docs/benchmarks.md. */
    public record Result(String slide, String reader, int tilePx, Rates tiles, Rates patches, String image,
            double turboCpuSeconds, double imageIoCpuSeconds, double turboSeconds, double imageIoSeconds, int rounds) {
        /** ImageIO's CPU time over libjpeg-turbo's for the whole image. */
        public double imageRatio() {
            return imageIoCpuSeconds / turboCpuSeconds;
        }
    }

    private final Path slide;
    private final Path image;
    private final int rounds;
    private final Consumer<String> log;

    /**
     * @param slide a JPEG-tiled SVS or TIFF the direct reader accepts
     * @param image a plain YCbCr JPEG
     * @param rounds rounds of each measurement; the best is kept
     */
    public DecodeBenchmark(Path slide, Path image, int rounds, Consumer<String> log) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
        }
        this.slide = slide;
        this.image = image;
        this.rounds = rounds;
        this.log = log;
    }

    public Result run() throws IOException {
        Dimensions level0;
        int tile;
        String reader;
        try (Slide probe = open(true)) {
            reader = probe.reader();
            if (!(probe instanceof DirectJpegSlide)) {
                throw new SlideException(slide, "the direct JPEG reader does not apply to it (reader: " + reader
                        + (TurboJpegNative.available() ? "" : "; " + TurboJpegNative.problem()) + ")");
            }
            level0 = probe.levelDimensions(0);
            tile = Integer.parseInt(probe.properties().getOrDefault("openslide.level[0].tile-width", "0"));
        }
        if (tile <= 0) {
            throw new SlideException(slide, "OpenSlide gives no openslide.level[0].tile-width");
        }
        int tilesAcross = (int) ((level0.width() + tile - 1) / tile);
        int tilesDown = (int) ((level0.height() + tile - 1) / tile);
        int patchesAcross = (int) (level0.width() / PATCH);
        int patchesDown = (int) (level0.height() / PATCH);
        // best rates: [direct][cpu, wall]
        double[][] tiles = new double[2][2];
        double[][] patches = new double[2][2];
        for (int round = 0; round < rounds; round++) {
            for (int direct = 0; direct < 2; direct++) {
                best(tiles[direct], tilesAcross * tilesDown, timeGrid(direct == 1, tile, tilesAcross, tilesDown));
                best(patches[direct], patchesAcross * patchesDown, timeGrid(direct == 1, PATCH, patchesAcross, patchesDown));
            }
            log.accept(String.format("round %d: tiles per CPU second direct %.0f, OpenSlide %.0f; 224 px patches direct %.0f, "
                    + "OpenSlide %.0f", round + 1, tiles[1][0], tiles[0][0], patches[1][0], patches[0][0]));
        }
        String imageReader;
        Dimensions size;
        try (ImageSlide plain = ImageSlide.open(image, OptionalDouble.empty())) {
            imageReader = plain.reader();
            size = plain.levelDimensions(0);
        }
        if (!imageReader.equals("turbojpeg")) {
            throw new SlideException(image, "libjpeg-turbo does not decode it (reader: " + imageReader + ")");
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE}; // cpu, wall: turbo, ImageIO
        for (int round = 0; round < rounds; round++) {
            for (int turbo = 1; turbo >= 0; turbo--) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                try (DecodedImage unused = turbo == 1 ? JpegImages.decode(image, size) : DecodedImage.decode(image, size)) {
                    best[1 - turbo] = Math.min(best[1 - turbo], (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
                    best[3 - turbo] = Math.min(best[3 - turbo], (System.nanoTime() - t0) / 1e9);
                }
            }
            log.accept(String.format("round %d: whole image CPU s libjpeg-turbo %.3f, ImageIO %.3f", round + 1, best[0], best[1]));
        }
        return new Result(slide.getFileName().toString(), reader, tile, rates(tilesAcross * tilesDown, tiles),
                rates(patchesAcross * patchesDown, patches), image.getFileName().toString(), best[0], best[1], best[2], best[3],
                rounds);
    }

    private static void best(double[] rates, int regions, double[] seconds) {
        rates[0] = Math.max(rates[0], regions / seconds[0]);
        rates[1] = Math.max(rates[1], regions / seconds[1]);
    }

    private static Rates rates(int regions, double[][] best) {
        return new Rates(regions, best[1][0], best[0][0], best[1][1], best[0][1]);
    }

    /**
     * Thread CPU seconds and wall seconds to read a {@code across x down} grid of {@code side} px regions from a
     * freshly opened slide (both readers decode on the calling thread).
     */
    private double[] timeGrid(boolean direct, int side, int across, int down) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (Slide s = open(direct)) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int row = 0; row < down; row++) {
                for (int col = 0; col < across; col++) {
                    s.readRegion((long) col * side, (long) row * side, 0, side, side);
                }
            }
            return new double[] {(threads.getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - t0) / 1e9};
        }
    }

    private Slide open(boolean direct) throws SlideException {
        OpenSlideSlide openSlide = OpenSlideSlide.open(slide, OptionalDouble.empty());
        return direct ? DirectJpegSlide.wrap(openSlide, log) : openSlide;
    }
}
