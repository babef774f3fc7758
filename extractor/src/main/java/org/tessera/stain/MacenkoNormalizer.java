package org.tessera.stain;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Objects;
import java.util.Optional;

/**
 * Macenko et al. (ISBI 2009) stain normalisation: estimate a tile's haematoxylin and eosin directions from
 * the plane of its two main optical-density components, unmix each pixel into the two concentrations, scale
 * them to the target's 99th percentiles and re-colour with the target's stain matrix.
 *
 * <p>Follows the widely used HEnorm_python implementation step for step (OD = -ln((I+1)/Io); pixels with any
 * channel's OD below beta excluded from estimation; covariance with n-1; angles at the alpha and 100-alpha
 * percentiles, numpy's linear rule; least-squares concentrations; the stain with the larger red OD is
 * haematoxylin), with two deliberate differences: eigenvector signs are fixed (largest component: positive
 * sum; second: positive red) so the angles never wrap at +-pi, and the output is rounded half-up and clamped
 * to 0..255 where the original truncates and sets values above 255 to 254.
 *
 * <p>A tile with fewer than {@code minStainedFraction} stained pixels (bare glass, a margin), or whose
 * estimate degenerates, is returned unchanged. Immutable and thread-safe.
 */
public final class MacenkoNormalizer {
    private final StainNormalization params;

    public MacenkoNormalizer(StainNormalization params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** Macenko with {@link StainNormalization#MACENKO_DEFAULT}. */
    public static MacenkoNormalizer standard() {
        return new MacenkoNormalizer(StainNormalization.MACENKO_DEFAULT);
    }

    /**
     * A normaliser whose target is the stains of a reference image, other parameters as {@code params}.
     *
     * @throws IllegalArgumentException when the reference has too little stain to estimate from
     */
    public static MacenkoNormalizer fit(BufferedImage reference, StainNormalization params) {
        StainReference target = estimate(pixels(reference), params).orElseThrow(() -> new IllegalArgumentException(
                "reference image has too few stained pixels to estimate H&E stains (" + reference.getWidth() + "x"
                        + reference.getHeight() + ")"));
        return new MacenkoNormalizer(params.withTarget(target));
    }

    public StainNormalization normalization() {
        return params;
    }

    /** The tile re-coloured to the target stains, TYPE_INT_RGB; an unchanged copy when there is too little stain. */
    public BufferedImage normalize(BufferedImage tile) {
        int[] rgb = pixels(tile);
        Optional<StainReference> source = estimate(rgb, params);
        BufferedImage out = new BufferedImage(tile.getWidth(), tile.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (source.isEmpty()) {
            System.arraycopy(rgb, 0, dst, 0, rgb.length);
            return out;
        }
        StainReference s = source.get();
        StainReference t = params.target();
        double[][] pinv = pseudoInverse(s.hematoxylin(), s.eosin()).orElseThrow();
        double scaleH = t.maxHematoxylin() / s.maxHematoxylin();
        double scaleE = t.maxEosin() / s.maxEosin();
        double[] od = new double[3];
        for (int i = 0; i < rgb.length; i++) {
            opticalDensity(rgb[i], params.io(), od);
            double ch = (pinv[0][0] * od[0] + pinv[0][1] * od[1] + pinv[0][2] * od[2]) * scaleH;
            double ce = (pinv[1][0] * od[0] + pinv[1][1] * od[1] + pinv[1][2] * od[2]) * scaleE;
            int r = channel(params.io() * Math.exp(-(t.hematoxylin().r() * ch + t.eosin().r() * ce)));
            int g = channel(params.io() * Math.exp(-(t.hematoxylin().g() * ch + t.eosin().g() * ce)));
            int b = channel(params.io() * Math.exp(-(t.hematoxylin().b() * ch + t.eosin().b() * ce)));
            dst[i] = r << 16 | g << 8 | b;
        }
        return out;
    }

    /** The H and E directions and 99th-percentile concentrations of an image; empty when too little stain. */
    static Optional<StainReference> estimate(int[] rgb, StainNormalization p) {
        int n = rgb.length;
        double[] od = new double[3 * n];
        double[] stained = new double[3 * n];
        int m = 0;
        double[] v = new double[3];
        for (int i = 0; i < n; i++) {
            opticalDensity(rgb[i], p.io(), v);
            System.arraycopy(v, 0, od, 3 * i, 3);
            if (v[0] >= p.beta() && v[1] >= p.beta() && v[2] >= p.beta()) {
                System.arraycopy(v, 0, stained, 3 * m++, 3);
            }
        }
        if (m < Math.max(3, p.minStainedFraction() * n)) {
            return Optional.empty();
        }
        SymmetricEigen3 eig = SymmetricEigen3.of(covariance(stained, m));
        double[] e1 = eig.vectors()[1];
        double[] e2 = eig.vectors()[2];
        if (e2[0] + e2[1] + e2[2] < 0) {
            negate(e2);
        }
        if (e1[0] < 0) {
            negate(e1);
        }
        double[] phi = new double[m];
        for (int k = 0; k < m; k++) {
            double t1 = dot(e1, stained, 3 * k);
            double t2 = dot(e2, stained, 3 * k);
            phi[k] = Math.atan2(t2, t1);
        }
        double minPhi = Percentile.of(phi, m, p.alpha());
        double maxPhi = Percentile.of(phi, m, 100 - p.alpha());
        double[] vMin = combine(e1, e2, minPhi);
        double[] vMax = combine(e1, e2, maxPhi);
        double[] h = vMin[0] > vMax[0] ? vMin : vMax;
        double[] e = vMin[0] > vMax[0] ? vMax : vMin;
        if (!nonNegative(h) || !nonNegative(e)) {
            return Optional.empty();
        }
        StainVector hv = new StainVector(h[0], h[1], h[2]);
        StainVector ev = new StainVector(e[0], e[1], e[2]);
        Optional<double[][]> pinv = pseudoInverse(hv, ev);
        if (pinv.isEmpty()) {
            return Optional.empty();
        }
        double[][] pi = pinv.get();
        double[] ch = new double[n];
        double[] ce = new double[n];
        for (int i = 0; i < n; i++) {
            ch[i] = pi[0][0] * od[3 * i] + pi[0][1] * od[3 * i + 1] + pi[0][2] * od[3 * i + 2];
            ce[i] = pi[1][0] * od[3 * i] + pi[1][1] * od[3 * i + 1] + pi[1][2] * od[3 * i + 2];
        }
        double maxH = Percentile.of(ch, n, 99);
        double maxE = Percentile.of(ce, n, 99);
        if (!(maxH > 1e-6 && maxE > 1e-6) || Double.isInfinite(maxH + maxE)) {
            return Optional.empty();
        }
        return Optional.of(new StainReference(hv, ev, maxH, maxE));
    }

    /** Rows of {@code (H^T H)^-1 H^T} for the 3x2 matrix {@code H = [h e]}: least-squares unmixing. */
    private static Optional<double[][]> pseudoInverse(StainVector h, StainVector e) {
        double[] a = {h.r(), h.g(), h.b()};
        double[] b = {e.r(), e.g(), e.b()};
        double aa = a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
        double bb = b[0] * b[0] + b[1] * b[1] + b[2] * b[2];
        double ab = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
        double det = aa * bb - ab * ab;
        if (det < 1e-9) {
            return Optional.empty();
        }
        double[][] p = new double[2][3];
        for (int k = 0; k < 3; k++) {
            p[0][k] = (bb * a[k] - ab * b[k]) / det;
            p[1][k] = (aa * b[k] - ab * a[k]) / det;
        }
        return Optional.of(p);
    }

    private static void opticalDensity(int rgb, double io, double[] out) {
        out[0] = -Math.log((((rgb >> 16) & 0xFF) + 1) / io);
        out[1] = -Math.log((((rgb >> 8) & 0xFF) + 1) / io);
        out[2] = -Math.log(((rgb & 0xFF) + 1) / io);
    }

    private static double[][] covariance(double[] xs, int m) {
        double[] mean = new double[3];
        for (int k = 0; k < m; k++) {
            for (int c = 0; c < 3; c++) {
                mean[c] += xs[3 * k + c];
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] /= m;
        }
        double[][] cov = new double[3][3];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < 3; i++) {
                for (int j = i; j < 3; j++) {
                    cov[i][j] += (xs[3 * k + i] - mean[i]) * (xs[3 * k + j] - mean[j]);
                }
            }
        }
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                cov[i][j] /= m - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    private static double[] combine(double[] e1, double[] e2, double phi) {
        double c = Math.cos(phi);
        double s = Math.sin(phi);
        return new double[] {e1[0] * c + e2[0] * s, e1[1] * c + e2[1] * s, e1[2] * c + e2[2] * s};
    }

    private static double dot(double[] v, double[] xs, int at) {
        return v[0] * xs[at] + v[1] * xs[at + 1] + v[2] * xs[at + 2];
    }

    private static void negate(double[] v) {
        for (int i = 0; i < 3; i++) {
            v[i] = -v[i];
        }
    }

    /** Stain directions are optical densities: tiny negative components from noise are tolerated as zero. */
    private static boolean nonNegative(double[] v) {
        for (int i = 0; i < 3; i++) {
            if (v[i] < -0.05) {
                return false;
            }
            v[i] = Math.max(0, v[i]);
        }
        return true;
    }

    private static int channel(double v) {
        long i = (long) Math.floor(v + 0.5);
        return (int) Math.max(0, Math.min(255, i));
    }

    private static int[] pixels(BufferedImage image) {
        Objects.requireNonNull(image, "image");
        int w = image.getWidth();
        return image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
    }
}
