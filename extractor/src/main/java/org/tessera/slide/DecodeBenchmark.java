package org.tessera.slide;

import java.io.IOException;
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
 * aligned with the stored tiles, so most patches span four of them). Opening is not timed.
 */
public final class DecodeBenchmark {

    /** Patch side of the unaligned grid, the extractor's default tile. */
    static final int PATCH = 224;

    /** The figures, as printed and as written to docs/benchmarks.md. */
    public record Result(String slide, String reader, int tiles, int tilePx, double directTilesPerSecond,
            double openSlideTilesPerSecond, int patches, double directPatchesPerSecond, double openSlidePatchesPerSecond,
            String image, String imageReader, double turboSeconds, double imageIoSeconds, int rounds) {
        public double tileRatio() {
            return directTilesPerSecond / openSlideTilesPerSecond;
        }

        public double patchRatio() {
            return directPatchesPerSecond / openSlidePatchesPerSecond;
        }

        public double imageRatio() {
            return imageIoSeconds / turboSeconds;
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
        double[] tiles = new double[2];
        double[] patches = new double[2];
        for (int round = 0; round < rounds; round++) {
            for (int direct = 0; direct < 2; direct++) {
                tiles[direct] = Math.max(tiles[direct], tilesAcross * tilesDown / timeGrid(direct == 1, tile, tilesAcross, tilesDown));
                patches[direct] = Math.max(patches[direct], patchesAcross * patchesDown / timeGrid(direct == 1, PATCH, patchesAcross, patchesDown));
            }
            log.accept(String.format("round %d: tiles/s direct %.0f, OpenSlide %.0f; 224 px patches/s direct %.0f, OpenSlide %.0f",
                    round + 1, tiles[1], tiles[0], patches[1], patches[0]));
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
        double turbo = Double.MAX_VALUE;
        double imageIo = Double.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            JpegImages.decode(image, size);
            long t1 = System.nanoTime();
            DecodedImage.decode(image, size);
            long t2 = System.nanoTime();
            turbo = Math.min(turbo, (t1 - t0) / 1e9);
            imageIo = Math.min(imageIo, (t2 - t1) / 1e9);
            log.accept(String.format("round %d: whole image libjpeg-turbo %.3f s, ImageIO %.3f s", round + 1, turbo, imageIo));
        }
        return new Result(slide.getFileName().toString(), reader, tilesAcross * tilesDown, tile, tiles[1], tiles[0],
                patchesAcross * patchesDown, patches[1], patches[0], image.getFileName().toString(), imageReader, turbo, imageIo,
                rounds);
    }

    /** Seconds to read a {@code across x down} grid of {@code side} px regions from a freshly opened slide. */
    private double timeGrid(boolean direct, int side, int across, int down) throws IOException {
        try (Slide s = open(direct)) {
            long t0 = System.nanoTime();
            for (int row = 0; row < down; row++) {
                for (int col = 0; col < across; col++) {
                    s.readRegion((long) col * side, (long) row * side, 0, side, side);
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private Slide open(boolean direct) throws SlideException {
        OpenSlideSlide openSlide = OpenSlideSlide.open(slide, OptionalDouble.empty());
        return direct ? DirectJpegSlide.wrap(openSlide, log) : openSlide;
    }
}
