package org.tessera.regions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.tessera.tiling.Tile;

/**
 * How much of each tile each class covers: area(tile & union of the class's annotations) / area(tile). Overlapping
 * annotations of one class count once (their union); classes are independent, so a tile's fractions may add up to
 * more than 1 where classes overlap. Tiles fully inside or outside a class are decided by prepared-geometry
 * predicates; the others are clipped exactly (JTS OverlayNG).
 */
public final class Coverage {
    private static final GeometryFactory FACTORY = new GeometryFactory();
    /** Fractions within this of 1 (clipping round-off) are stored as 1. */
    private static final double FULL = 1e-12;

    private Coverage() {
    }

    /** The union of each class's annotations, by class name. */
    public static Map<String, Geometry> byClass(List<Annotation> annotations) {
        Map<String, List<Geometry>> parts = new TreeMap<>();
        for (Annotation a : annotations) {
            parts.computeIfAbsent(a.className(), k -> new ArrayList<>()).add(a.geometry());
        }
        Map<String, Geometry> out = new TreeMap<>();
        parts.forEach((cls, geoms) -> out.put(cls, geoms.size() == 1 ? geoms.get(0) : UnaryUnionOp.union(geoms)));
        return out;
    }

    /** Every non-zero (tile, class) fraction, in tile order then class order. */
    public static List<TileRegion> of(List<Annotation> annotations, List<Tile> tiles) {
        Map<String, Geometry> classes = byClass(annotations);
        Map<String, PreparedGeometry> prepared = new TreeMap<>();
        classes.forEach((cls, g) -> prepared.put(cls, PreparedGeometryFactory.prepare(g)));
        List<TileRegion> out = new ArrayList<>();
        for (Tile t : tiles) {
            Geometry rect = FACTORY.toGeometry(new Envelope(t.x(), t.x() + t.width(), t.y(), t.y() + t.height()));
            double area = (double) t.width() * t.height();
            for (Map.Entry<String, PreparedGeometry> e : prepared.entrySet()) {
                double f = fraction(e.getValue(), rect, area);
                if (f > 0) {
                    out.add(new TileRegion(t.index(), e.getKey(), f));
                }
            }
        }
        return out;
    }

    private static double fraction(PreparedGeometry cls, Geometry rect, double area) {
        if (!cls.intersects(rect)) {
            return 0;
        }
        if (cls.contains(rect)) {
            return 1;
        }
        double f = OverlayNGRobust.overlay(cls.getGeometry(), rect, OverlayNG.INTERSECTION).getArea() / area;
        return f > 1 - FULL ? 1 : f;
    }
}
