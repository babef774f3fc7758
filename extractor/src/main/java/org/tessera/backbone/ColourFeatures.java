package org.tessera.backbone;

import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The colour baseline: 12 numbers per tile that any learned embedding should beat. In order: the mean of
 * R, G, B (0..1), of the haematoxylin, eosin and DAB optical densities, then the population standard
 * deviation of the same six channels.
 *
 * <p>Optical densities are Ruifrok and Johnston's colour deconvolution as in scikit-image's {@code rgb2hed}:
 * each channel clipped below at 1e-6, {@code log(rgb) / log(1e-6)} times the inverse of
 * {@code rgb_from_hed = [[0.65,0.70,0.29],[0.07,0.99,0.11],[0.27,0.57,0.78]]}, but without rgb2hed's final
 * clipping of negative densities at 0 (scikit-image 0.19+): that clipping flattens the eosin and DAB channels of
 * pale H&E patches and costs the baseline 0.03 of mean Pearson on HER2ST (0.339 against 0.370 for the same
 * pipeline in Python, leave-one-section-out within patient C). It sees
 * the tile's raw RGB (stain-normalised when the run asks for it), never a network's normalisation.
 * Accumulation is in double. Built in: no model file; its weights checksum is the sha256 of
 * {@link #DEFINITION}, so its embeddings are keyed like any backbone's.
 */
public final class ColourFeatures implements Embedder {
    public static final String NAME = "colour_baseline";
    public static final int DIMENSION = 12;
    /** What the features are; its sha256 is the embedder's identity in the store. Change it with the code. */
    public static final String DEFINITION = "colour_baseline v2: mean and population std of R,G,B in 0..1 (v/255) and of "
            + "H,E,D optical densities (rgb clipped at 1e-6, log(rgb)/log(1e-6) @ inv([[0.65,0.70,0.29],[0.07,0.99,0.11],"
            + "[0.27,0.57,0.78]]), not clipped at 0); order mean R,G,B,H,E,D then std R,G,B,H,E,D";
    private static final double[][] RGB_FROM_HED = {{0.65, 0.70, 0.29}, {0.07, 0.99, 0.11}, {0.27, 0.57, 0.78}};
    private static final double[][] HED_FROM_RGB = inverse(RGB_FROM_HED);
    private static final double LOG_ADJUST = Math.log(1e-6);

    private final TilePreprocessor preprocessor;

    /** For tiles of {@code side} pixels square. */
    public ColourFeatures(int side) {
        this.preprocessor = TilePreprocessor.rawRgb(side);
    }

    /** sha256 of {@link #DEFINITION}, the stand-in for a model's weights checksum. */
    public static String weightsSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(DEFINITION.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public TilePreprocessor preprocessor() {
        return preprocessor;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(FloatBuffer batch, int n) {
        int per = preprocessor.floatsPerTile();
        if (n < 1 || (long) n * per > batch.capacity()) {
            throw new IllegalArgumentException("batch of " + n + " tiles needs " + (long) n * per + " floats, the buffer has "
                    + batch.capacity());
        }
        float[] out = new float[n * DIMENSION];
        float[] tile = new float[per];
        for (int t = 0; t < n; t++) {
            batch.get(t * per, tile);
            double[] f = features(tile, 0, per / 3);
            for (int i = 0; i < DIMENSION; i++) {
                out[t * DIMENSION + i] = (float) f[i];
            }
        }
        return out;
    }

    /** The 12 features of one tile given as three planes (R, G, B in 0..1) of {@code pixels} values each. */
    static double[] features(float[] planes, int offset, int pixels) {
        double[][] channels = new double[6][pixels];
        for (int i = 0; i < pixels; i++) {
            double[] od = new double[3];
            for (int c = 0; c < 3; c++) {
                double v = planes[offset + c * pixels + i];
                channels[c][i] = v;
                od[c] = Math.log(Math.max(v, 1e-6)) / LOG_ADJUST;
            }
            for (int s = 0; s < 3; s++) {
                double stain = od[0] * HED_FROM_RGB[0][s] + od[1] * HED_FROM_RGB[1][s] + od[2] * HED_FROM_RGB[2][s];
                channels[3 + s][i] = stain;
            }
        }
        double[] out = new double[DIMENSION];
        for (int c = 0; c < 6; c++) {
            double sum = 0;
            for (double v : channels[c]) {
                sum += v;
            }
            double mean = sum / pixels;
            double squares = 0;
            for (double v : channels[c]) {
                squares += (v - mean) * (v - mean);
            }
            out[c] = mean;
            out[6 + c] = Math.sqrt(squares / pixels);
        }
        return out;
    }

    @Override
    public String deviceDescription() {
        return "CPU (built-in colour features)";
    }

    @Override
    public void close() {
    }

    private static double[][] inverse(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inv = new double[3][3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                // inv[r][c] = cofactor(c, r) / det
                int r1 = (c + 1) % 3;
                int r2 = (c + 2) % 3;
                int c1 = (r + 1) % 3;
                int c2 = (r + 2) % 3;
                inv[r][c] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
            }
        }
        return inv;
    }
}
