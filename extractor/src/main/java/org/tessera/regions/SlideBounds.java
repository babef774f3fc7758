package org.tessera.regions;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * The level-0 rectangle [0, width] x [0, height] an annotation must lie in, and the checks every imported shape
 * passes: inside the slide and topologically valid (no self-intersection, holes inside their shell).
 */
public record SlideBounds(long width, long height) {
    public SlideBounds {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("slide size must be positive: " + width + " x " + height);
        }
    }

    /** Null when the shape is fine, else what is wrong with it, in words. */
    String problem(Geometry g) {
        if (g.isEmpty()) {
            return "the geometry is empty";
        }
        Envelope e = g.getEnvelopeInternal();
        if (e.getMinX() < 0 || e.getMinY() < 0 || e.getMaxX() > width || e.getMaxY() > height) {
            return String.format(java.util.Locale.ROOT,
                    "coordinates outside the slide: the shape spans x %.1f..%.1f, y %.1f..%.1f but the slide is %d x %d "
                            + "level-0 pixels (GeoJSON from QuPath is in level-0 pixels; was it exported for another image?)",
                    e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY(), width, height);
        }
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) {
            return String.format(java.util.Locale.ROOT, "invalid polygon: %s at (%.1f, %.1f); fix it in QuPath "
                    + "(e.g. Objects > Annotations > Simplify shape) or redraw it", error.getMessage(),
                    error.getCoordinate().x, error.getCoordinate().y);
        }
        if (g.getArea() <= 0) {
            return "the shape has no area";
        }
        return null;
    }
}
