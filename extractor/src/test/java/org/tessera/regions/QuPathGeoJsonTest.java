package org.tessera.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.tessera.tiling.Tile;

/**
 * A file of the exact shape QuPath 0.5 writes (File > Export objects as GeoJSON, FeatureCollection ticked): ids at
 * the feature level, objectType, classification with colour, a named annotation, a polygon with a hole, a
 * MultiPolygon one of whose parts has a hole, an unclassified annotation, a detection and a point annotation.
 */
class QuPathGeoJsonTest {
    /** CMU-1-Small-Region.svs is 2220 x 2967 level-0 pixels. */
    static final SlideBounds CMU = new SlideBounds(2220, 2967);
    static final int LATTICE = 444;

    static Path file() throws Exception {
        return Path.of(QuPathGeoJsonTest.class.getResource("/regions/qupath-0.5-cmu1.geojson").toURI());
    }

    /** A 5 x 6 lattice of 444 px tiles from the origin, index = row * 5 + col (the coverage reference below). */
    static List<Tile> lattice() {
        List<Tile> tiles = new java.util.ArrayList<>();
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 5; c++) {
                tiles.add(new Tile(r * 5 + c, c, r, (long) c * LATTICE, (long) r * LATTICE, LATTICE, LATTICE, 1));
            }
        }
        return tiles;
    }

    /**
     * Non-zero covered fractions of the lattice tiles, from shapely 2 (Debian python3-shapely, /usr/bin/python3):
     * per class unary_union of the annotations' shape(geometry), then union.intersection(box(c*444, r*444,
     * (c+1)*444, (r+1)*444)).area / 444**2, for annotations with objectType 'annotation' and an area.
     */
    static final Object[][] SHAPELY = {
        {0, "Tumor", 0.03468236576344685}, {0, "Unclassified", 0.21812352893433976}, {1, "Tumor", 0.13344594594594594},
        {2, "Tumor", 0.1751126126126126}, {3, "Tumor", 0.08239758041029899}, {5, "Tumor", 0.36711711711711714},
        {6, "Tumor", 0.8211394792475873}, {7, "Tumor", 0.8636281927573218}, {8, "Tumor", 0.5458399576046632},
        {10, "Tumor", 0.27391365229203063}, {11, "Tumor", 0.9039832337129635}, {12, "Tumor", 0.9448046872971798},
        {13, "Tumor", 0.8909420268562891}, {14, "Tumor", 0.2620375035450661}, {16, "Stroma", 0.01464978492005519},
        {16, "Tumor", 0.22078658700280315}, {17, "Stroma", 0.013011660308957609}, {17, "Tumor", 0.36665355584274506},
        {18, "Tumor", 0.7178506865006067}, {19, "Tumor", 0.28517583922989326}, {20, "Stroma", 0.47335595730866004},
        {21, "Stroma", 0.662098754159565}, {22, "Stroma", 0.3267267267267268}, {23, "Stroma", 0.3803565470232137},
        {24, "Stroma", 0.2935324320459455}, {25, "Stroma", 0.3167813083353624}, {26, "Stroma", 0.6310719503287071},
        {27, "Stroma", 0.2888479695912129}, {28, "Stroma", 0.7362362362362364}, {29, "Stroma", 0.6708708708708707},
    };

    @Test
    void qupathExportImportsWithHolesAndMultiPolygons() throws Exception {
        ParsedAnnotations parsed = GeoJsonAnnotations.read(file(), CMU);
        List<Annotation> a = parsed.annotations();
        assertEquals(List.of("Tumor", "Tumor", "Stroma", Annotation.UNCLASSIFIED), a.stream().map(Annotation::className).toList());
        assertEquals("5f1d2c3e-8a4b-4c2d-9e1f-0a1b2c3d4e5f", a.get(0).id());
        assertEquals("Tumour core", a.get(0).name().orElseThrow());
        Polygon withHole = (Polygon) a.get(0).geometry();
        assertEquals(1, withHole.getNumInteriorRing());
        MultiPolygon stroma = (MultiPolygon) a.get(2).geometry();
        assertEquals(2, stroma.getNumGeometries());
        assertEquals(1, ((Polygon) stroma.getGeometryN(0)).getNumInteriorRing());
        assertEquals(2, parsed.skipped().size(), parsed.skipped().toString()); // the detection and the Point
        assertTrue(parsed.skipped().get(1).contains("Point"), parsed.skipped().toString());
        Map<String, Geometry> byClass = Coverage.byClass(a);
        // shapely: unary_union(...).area of each class
        assertEquals(1555306.645175727, byClass.get("Tumor").getArea(), 1e-6);
        assertEquals(1053750.0, byClass.get("Stroma").getArea(), 1e-6);
        assertEquals(43000.0, byClass.get("Unclassified").getArea(), 1e-6);
    }

    @Test
    void coverageOfTilesEqualsShapely() throws Exception {
        List<TileRegion> covered = Coverage.of(GeoJsonAnnotations.read(file(), CMU).annotations(), lattice());
        assertEquals(SHAPELY.length, covered.size(), covered.toString());
        for (int i = 0; i < SHAPELY.length; i++) {
            TileRegion t = covered.get(i);
            assertEquals(SHAPELY[i][0], t.tileIndex());
            assertEquals(SHAPELY[i][1], t.className());
            assertEquals((double) SHAPELY[i][2], t.fraction(), 1e-9, t.toString());
        }
    }
}
