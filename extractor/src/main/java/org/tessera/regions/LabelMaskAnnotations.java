package org.tessera.regions;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Reads a label mask: a single-channel image (grey or palette PNG) whose pixel values are classes, at a stated
 * downsample of the slide (pixel (i, j) covers level-0 [i d, (i+1) d) x [j d, (j+1) d)). Each class becomes one
 * annotation, the union of its pixels (row runs merged, then unioned by JTS), clipped to the slide. Value 0 and
 * values missing from the class table are not annotations; the others are counted as skipped.
 */
public final class LabelMaskAnnotations {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private LabelMaskAnnotations() {
    }

    public static ParsedAnnotations read(Path file, double downsample, Map<Integer, String> classes, SlideBounds bounds) throws IOException {
        if (!(downsample > 0)) {
            throw new IllegalArgumentException(file + ": downsample must be positive, got " + downsample);
        }
        if (classes.isEmpty()) {
            throw new AnnotationException(file + ": no class table: give value=class pairs, e.g. 1=Tumor,2=Stroma");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new AnnotationException(file + ": not an image ImageIO can read (use a PNG)");
        }
        Raster raster = image.getRaster();
        if (raster.getNumBands() != 1) {
            throw new AnnotationException(file + ": a label mask has one channel (grey or palette PNG), this image has "
                    + raster.getNumBands());
        }
        int w = raster.getWidth();
        int h = raster.getHeight();
        // The mask may round the slide's size up by one pixel; more means another downsample or another slide.
        if (w > Math.ceil(bounds.width() / downsample) + 1 || h > Math.ceil(bounds.height() / downsample) + 1) {
            throw new AnnotationException(String.format(java.util.Locale.ROOT, "%s: coordinates outside the slide: the mask "
                    + "is %d x %d pixels, at downsample %s it covers %.0f x %.0f level-0 pixels but the slide is %d x %d",
                    file, w, h, downsample, w * downsample, h * downsample, bounds.width(), bounds.height()));
        }
        Map<Integer, List<Geometry>> runs = new TreeMap<>();
        Map<Integer, Long> unknown = new TreeMap<>();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            int start = 0;
            for (int x = 1; x <= w; x++) {
                if (x == w || row[x] != row[start]) {
                    int v = row[start];
                    if (classes.containsKey(v)) {
                        runs.computeIfAbsent(v, k -> new ArrayList<>()).add(FACTORY.toGeometry(new Envelope(start, x, y, y + 1)));
                    } else if (v != 0) {
                        unknown.merge(v, (long) (x - start), Long::sum);
                    }
                    start = x;
                }
            }
        }
        AnnotationException empty = new AnnotationException(file + ": no pixel has a value of the class table " + classes);
        if (runs.isEmpty()) {
            throw empty;
        }
        AffineTransformation toLevel0 = AffineTransformation.scaleInstance(downsample, downsample);
        Geometry slide = FACTORY.toGeometry(new Envelope(0, bounds.width(), 0, bounds.height()));
        List<Annotation> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Geometry>> e : runs.entrySet()) {
            Geometry union = toLevel0.transform(UnaryUnionOp.union(e.getValue()));
            Geometry clipped = OverlayNGRobust.overlay(union, slide, OverlayNG.INTERSECTION);
            if (clipped.getArea() > 0) {
                out.add(new Annotation("value-" + e.getKey(), classes.get(e.getKey()), Optional.empty(), clipped));
            }
        }
        List<String> skipped = new ArrayList<>();
        unknown.forEach((v, n) -> skipped.add("value " + v + " (" + n + " pixels) has no class"));
        return new ParsedAnnotations(out, skipped);
    }
}
