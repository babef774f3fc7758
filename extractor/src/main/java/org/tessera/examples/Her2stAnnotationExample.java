package org.tessera.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.tessera.spatial.LegacyStReader;
import org.tessera.spatial.Section;

/**
 * An annotation file in QuPath's GeoJSON export shape for the HER2ST section C3, written by the demo (the shared
 * data has no pathologist's annotation). Class "Tumor": the union of 100 um discs around the spots in the top
 * quarter of ERBB2 (counts per 10,000; C3 is HER2-positive); class "Stroma": the same for the bottom quarter.
 * Discs of neighbouring spots (200 um pitch) touch, so the classes are MultiPolygons, with holes where a spot of
 * another quarter sits among them. Every feature's name says it was made by the Tessera demo.
 */
public final class Her2stAnnotationExample {
    public static final String SECTION = "C3";
    public static final String GENE = "ERBB2";
    static final double DISC_RADIUS_UM = 100;
    static final String MADE_BY = "made by the Tessera demo from " + GENE + " spot counts (not a pathologist's annotation)";

    private Her2stAnnotationExample() {
    }

    /**
     * Writes the file for an image of {@code width} x {@code height} pixels at {@code mpp} um/px.
     *
     * @return the number of spots in the top and the bottom quarter
     */
    public static int[] write(Path shared, double mpp, long width, long height, Path out) throws IOException {
        Section s = LegacyStReader.read(SECTION, shared.resolve("her2st/counts/" + SECTION + ".tsv.gz"),
                shared.resolve("her2st/spots/" + SECTION + "_selection.tsv"));
        int gene = s.genes().indexOf(GENE);
        long[] library = s.librarySizes();
        double[] value = new double[s.spots().size()];
        for (int i = 0; i < value.length; i++) {
            for (int k = s.start(i); k < s.end(i); k++) {
                if (s.gene(k) == gene) {
                    value[i] = 1e4 * s.count(k) / library[i];
                }
            }
        }
        double[] sorted = value.clone();
        Arrays.sort(sorted);
        double low = sorted[(sorted.length - 1) / 4];
        double high = sorted[3 * (sorted.length - 1) / 4];
        GeometryFactory f = new GeometryFactory();
        Geometry image = f.toGeometry(new Envelope(0, width, 0, height));
        List<Geometry> top = new ArrayList<>();
        List<Geometry> bottom = new ArrayList<>();
        double radius = DISC_RADIUS_UM / mpp;
        for (int i = 0; i < value.length; i++) {
            Section.Spot spot = s.spots().get(i);
            Geometry disc = f.createPoint(new Coordinate(spot.pixelX(), spot.pixelY())).buffer(radius, 16);
            if (value[i] >= high) {
                top.add(disc);
            } else if (value[i] <= low) {
                bottom.add(disc);
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        features.add(feature(json, "demo-tumor", "Tumor", new int[] {200, 0, 0}, "top quarter of spots by " + GENE + ", " + MADE_BY,
                UnaryUnionOp.union(top).intersection(image)));
        features.add(feature(json, "demo-stroma", "Stroma", new int[] {150, 200, 150}, "bottom quarter of spots by " + GENE + ", "
                + MADE_BY, UnaryUnionOp.union(bottom).intersection(image)));
        Files.createDirectories(out.toAbsolutePath().getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), collection);
        return new int[] {top.size(), bottom.size()};
    }

    private static ObjectNode feature(ObjectMapper json, String id, String cls, int[] colour, String name, Geometry g) {
        ObjectNode feature = json.createObjectNode().put("type", "Feature").put("id", id);
        ObjectNode geometry = feature.putObject("geometry");
        if (g instanceof Polygon p) {
            geometry.put("type", "Polygon");
            rings(geometry.putArray("coordinates"), p);
        } else {
            geometry.put("type", "MultiPolygon");
            ArrayNode parts = geometry.putArray("coordinates");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                rings(parts.addArray(), (Polygon) g.getGeometryN(i));
            }
        }
        ObjectNode properties = feature.putObject("properties").put("objectType", "annotation").put("name", name);
        ObjectNode classification = properties.putObject("classification").put("name", cls);
        ArrayNode c = classification.putArray("color");
        Arrays.stream(colour).forEach(c::add);
        return feature;
    }

    private static void rings(ArrayNode out, Polygon p) {
        ring(out.addArray(), p.getExteriorRing());
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            ring(out.addArray(), p.getInteriorRingN(i));
        }
    }

    private static void ring(ArrayNode out, LineString ring) {
        for (Coordinate c : ring.getCoordinates()) {
            out.addArray().add(c.x).add(c.y);
        }
    }
}
