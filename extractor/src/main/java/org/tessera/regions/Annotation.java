package org.tessera.regions;

import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * One annotated area of a slide: a valid Polygon or MultiPolygon (holes allowed) in level-0 pixels, with its
 * class ({@code classification.name} in QuPath) and optional name. JTS geometries are mutable; an Annotation's is
 * never changed after construction.
 */
public record Annotation(String id, String className, Optional<String> name, Geometry geometry) {
    /** The class of a QuPath annotation without a classification. */
    public static final String UNCLASSIFIED = "Unclassified";

    public Annotation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(geometry, "geometry");
        if (id.isBlank() || className.isBlank()) {
            throw new IllegalArgumentException("annotation id and class must not be blank: '" + id + "', '" + className + "'");
        }
        if (!(geometry instanceof Polygon || geometry instanceof MultiPolygon)) {
            throw new IllegalArgumentException("annotation " + id + " is a " + geometry.getGeometryType()
                    + ", not a Polygon or MultiPolygon");
        }
        if (!geometry.isValid()) {
            throw new IllegalArgumentException("annotation " + id + " has an invalid geometry");
        }
    }
}
