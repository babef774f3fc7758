package org.tessera.backbone;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Turns an RGB tile into the normalised CHW floats a backbone's card asks for, written straight into a batch
 * buffer at a given offset so the pipeline never copies tiles.
 *
 * <p>It exists because DJL's ONNX Runtime arrays cannot resize or normalise: that is done here, in plain Java,
 * once per tile, on a machine whose other core is busy with inference, so it reads {@code TYPE_INT_RGB} pixels
 * directly from the backing {@code int[]} and normalises through per-channel lookup tables computed once from the
 * card ({@code (v - mean) / std} in double, rounded to float).
 *
 * <p>A tile whose size is not the card's {@code inputSize} is resized bilinearly with half-pixel centres (the
 * convention of PIL, OpenCV and TF2 {@code resize}; a 2x reduction averages each 2x2 block). There is no
 * anti-aliasing, so reductions should stay within 2x: the tiler reads from the pyramid level nearest the target
 * resolution. Non-square tiles are stretched to a square. Images of other types than {@code TYPE_INT_RGB} are
 * converted first, which is slower.
 *
 * <p>Immutable and thread-safe; equal preprocessors write equal floats.
 */
public final class TilePreprocessor {

    private final int side;
    private final boolean bgr;
    /** {@code lut[plane][v]}: the normalised value of 8-bit level {@code v} in input plane {@code plane}. */
    private final float[][] lut;

    private TilePreprocessor(int side, ChannelOrder order, double[] mean, double[] std) {
        this.side = side;
        this.bgr = order == ChannelOrder.BGR;
        this.lut = new float[3][256];
        for (int plane = 0; plane < 3; plane++) {
            for (int v = 0; v < 256; v++) {
                lut[plane][v] = (float) ((v - mean[plane]) / std[plane]);
            }
        }
    }

    /** The preprocessing a card describes: its input size, channel order, mean and std. */
    public static TilePreprocessor forCard(BackboneCard card) {
        double[] mean = card.mean().stream().mapToDouble(Double::doubleValue).toArray();
        double[] std = card.std().stream().mapToDouble(Double::doubleValue).toArray();
        return new TilePreprocessor(card.inputSize(), card.channelOrder(), mean, std);
    }

    /**
     * Raw RGB of a {@code side} px tile scaled to 0..1 ({@code v / 255}), planes R, G, B: the input of embedders
     * that work on colour rather than on a network's normalisation (see {@link ColourFeatures}).
     */
    public static TilePreprocessor rawRgb(int side) {
        if (side < 1) {
            throw new IllegalArgumentException("tile side must be positive, got " + side);
        }
        return new TilePreprocessor(side, ChannelOrder.RGB, new double[] {0, 0, 0}, new double[] {255, 255, 255});
    }

    /** Side in pixels of the model input. */
    public int inputSize() {
        return side;
    }

    /** Floats written per tile: {@code 3 * inputSize * inputSize}. */
    public int floatsPerTile() {
        return 3 * side * side;
    }

    /**
     * Writes the tile's normalised planes (channel order of the card, each row-major) into
     * {@code dest[offset .. offset + floatsPerTile())}.
     */
    public void write(BufferedImage tile, float[] dest, int offset) {
        if (offset < 0 || offset > dest.length - floatsPerTile()) {
            throw new IllegalArgumentException("a tile needs " + floatsPerTile() + " floats from offset " + offset
                    + " but the buffer holds " + dest.length);
        }
        BufferedImage rgb = tile.getType() == BufferedImage.TYPE_INT_RGB ? tile : toIntRgb(tile);
        Raster raster = rgb.getRaster();
        SinglePixelPackedSampleModel model = (SinglePixelPackedSampleModel) raster.getSampleModel();
        DataBufferInt buffer = (DataBufferInt) raster.getDataBuffer();
        int stride = model.getScanlineStride();
        int base = buffer.getOffset()
                + model.getOffset(-raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
        int[] pixels = buffer.getData();
        if (rgb.getWidth() == side && rgb.getHeight() == side) {
            copy(pixels, base, stride, dest, offset);
        } else {
            resize(pixels, base, stride, rgb.getWidth(), rgb.getHeight(), dest, offset);
        }
    }

    /** One plane at a time: a loop with one table and one output stream is faster than three interleaved. */
    private void copy(int[] pixels, int base, int stride, float[] dest, int offset) {
        int plane = side * side;
        for (int c = 0; c < 3; c++) {
            float[] table = lut[c];
            int shift = shift(c);
            int out = offset + c * plane;
            for (int y = 0; y < side; y++, out += side) {
                int row = base + y * stride;
                for (int x = 0; x < side; x++) {
                    dest[out + x] = table[(pixels[row + x] >>> shift) & 0xFF];
                }
            }
        }
    }

    private void resize(int[] pixels, int base, int stride, int width, int height, float[] dest, int offset) {
        int[] x0 = new int[side];
        int[] x1 = new int[side];
        float[] fx = new float[side];
        taps(width, x0, x1, fx);
        int[] y0 = new int[side];
        int[] y1 = new int[side];
        float[] fy = new float[side];
        taps(height, y0, y1, fy);
        int plane = side * side;
        for (int c = 0; c < 3; c++) {
            float[] table = lut[c];
            int shift = shift(c);
            int out = offset + c * plane;
            for (int y = 0; y < side; y++) {
                int top = base + y0[y] * stride;
                int bottom = base + y1[y] * stride;
                float wy = fy[y];
                for (int x = 0; x < side; x++, out++) {
                    float a = table[(pixels[top + x0[x]] >>> shift) & 0xFF];
                    float b = table[(pixels[top + x1[x]] >>> shift) & 0xFF];
                    float d = table[(pixels[bottom + x0[x]] >>> shift) & 0xFF];
                    float e = table[(pixels[bottom + x1[x]] >>> shift) & 0xFF];
                    float upper = a + (b - a) * fx[x];
                    float lower = d + (e - d) * fx[x];
                    dest[out] = upper + (lower - upper) * wy;
                }
            }
        }
    }

    /** Where input plane {@code c}'s 8 bits sit in a 0xRRGGBB pixel. */
    private int shift(int c) {
        return c == 1 ? 8 : (c == 0) == bgr ? 0 : 16;
    }

    /** Source neighbours and weight of each output coordinate, half-pixel centres, clamped at the edges. */
    private void taps(int source, int[] lo, int[] hi, float[] weight) {
        double scale = (double) source / side;
        for (int i = 0; i < side; i++) {
            double s = Math.min(Math.max((i + 0.5) * scale - 0.5, 0), source - 1);
            int floor = (int) s;
            lo[i] = floor;
            hi[i] = Math.min(floor + 1, source - 1);
            weight[i] = (float) (s - floor);
        }
    }

    /**
     * Equal when they write the same floats for every tile (same input size, channel order and normalisation):
     * several backbones with equal preprocessing share one preprocessed copy of each tile.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof TilePreprocessor p && p.side == side && p.bgr == bgr && java.util.Arrays.deepEquals(p.lut, lut);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(side, bgr, java.util.Arrays.deepHashCode(lut));
    }

    private static BufferedImage toIntRgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }
}
