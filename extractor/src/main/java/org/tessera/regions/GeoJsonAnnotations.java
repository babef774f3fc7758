package org.tessera.regions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads QuPath's GeoJSON export (File > Export objects as GeoJSON, QuPath 0.4 and 0.5): a FeatureCollection, a
 * single Feature, or a plain array of Features (QuPath's export without "FeatureCollection" ticked). Each
 * annotation's geometry is a Polygon or MultiPolygon in level-0 pixels, rings closed, the first ring the shell and
 * the others holes; its class is {@code properties.classification.name}. Objects that are not annotations
 * ({@code properties.objectType} detection, cell, tile) and shapes without area (points, lines) are skipped and
 * counted. Every problem is an {@link AnnotationException} naming the file and the feature (its position, id and
 * class).
 */
public final class GeoJsonAnnotations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private GeoJsonAnnotations() {
    }

    public static ParsedAnnotations read(Path file, SlideBounds bounds) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file)); // bytes: Jackson reports bad UTF-8 as a parse error, with its place
        } catch (JsonProcessingException e) {
            throw new AnnotationException(file + ": not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new AnnotationException(file + ": empty file, expected GeoJSON");
        }
        List<JsonNode> features = features(file, root);
        List<Annotation> out = new ArrayList<>();
        int detections = 0;
        List<String> notAreas = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            JsonNode f = features.get(i);
            String where = file + ": feature " + (i + 1) + describe(f);
            if (!"Feature".equals(f.path("type").asText())) {
                throw new AnnotationException(where + ": \"type\" is " + f.path("type") + ", expected \"Feature\"");
            }
            String objectType = f.path("properties").path("objectType").asText("annotation");
            if (!objectType.equals("annotation")) {
                detections++;
                continue;
            }
            JsonNode geometry = f.path("geometry");
            String type = geometry.path("type").asText("");
            if (type.equals("Point") || type.equals("MultiPoint") || type.equals("LineString") || type.equals("MultiLineString")) {
                notAreas.add(type);
                continue;
            }
            Geometry g = geometry(where, geometry);
            String problem = bounds.problem(g);
            if (problem != null) {
                throw new AnnotationException(where + ": " + problem);
            }
            out.add(new Annotation(id(f, i), className(f), name(f), g));
        }
        List<String> skipped = new ArrayList<>();
        if (detections > 0) {
            skipped.add(detections + " objects that are not annotations (detections, cells or tiles)");
        }
        if (!notAreas.isEmpty()) {
            skipped.add(notAreas.size() + " shapes without area (" + String.join(", ", new java.util.TreeSet<>(notAreas)) + ")");
        }
        return new ParsedAnnotations(out, skipped);
    }

    private static List<JsonNode> features(Path file, JsonNode root) throws AnnotationException {
        List<JsonNode> out = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(out::add);
            return out;
        }
        String type = root.path("type").asText("");
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = root.path("features");
                if (!features.isArray()) {
                    throw new AnnotationException(file + ": FeatureCollection without a \"features\" array");
                }
                features.forEach(out::add);
            }
            case "Feature" -> out.add(root);
            default -> throw new AnnotationException(file + ": expected a GeoJSON FeatureCollection, Feature or array of "
                    + "Features (QuPath: File > Export objects as GeoJSON), found " + (type.isEmpty() ? "no \"type\"" : "type " + type));
        }
        return out;
    }

    private static String describe(JsonNode f) {
        StringBuilder s = new StringBuilder();
        if (f.hasNonNull("id")) {
            s.append(" (id ").append(f.get("id").asText());
        }
        String cls = f.path("properties").path("classification").path("name").asText("");
        if (!cls.isEmpty()) {
            s.append(s.isEmpty() ? " (" : ", ").append("class ").append(cls);
        }
        return s.isEmpty() ? "" : s.append(')').toString();
    }

    private static String id(JsonNode f, int position) {
        String id = f.path("id").asText("");
        return id.isBlank() ? String.valueOf(position + 1) : id;
    }

    private static String className(JsonNode f) {
        String name = f.path("properties").path("classification").path("name").asText("");
        return name.isBlank() ? Annotation.UNCLASSIFIED : name;
    }

    private static Optional<String> name(JsonNode f) {
        String name = f.path("properties").path("name").asText("");
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    private static Geometry geometry(String where, JsonNode g) throws AnnotationException {
        String type = g.path("type").asText("");
        JsonNode coordinates = g.path("coordinates");
        if (!coordinates.isArray()) {
            throw new AnnotationException(where + ": geometry without a \"coordinates\" array");
        }
        return switch (type) {
            case "Polygon" -> polygon(where, coordinates);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(where + ", polygon " + (i + 1), coordinates.get(i));
                }
                yield FACTORY.createMultiPolygon(parts);
            }
            default -> throw new AnnotationException(where + ": geometry type " + (type.isEmpty() ? "missing" : type)
                    + ", expected Polygon or MultiPolygon");
        };
    }

    private static Polygon polygon(String where, JsonNode rings) throws AnnotationException {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new AnnotationException(where + ": a polygon needs at least one ring");
        }
        LinearRing shell = ring(where + ", outer ring", rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(where + ", hole " + i, rings.get(i));
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(String where, JsonNode points) throws AnnotationException {
        if (!points.isArray()) {
            throw new AnnotationException(where + ": expected an array of [x, y] positions");
        }
        Coordinate[] c = new Coordinate[points.size()];
        for (int i = 0; i < c.length; i++) {
            JsonNode p = points.get(i);
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new AnnotationException(where + ", position " + (i + 1) + ": expected [x, y] numbers, found " + p);
            }
            c[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        if (c.length < 4 || !c[0].equals2D(c[c.length - 1])) {
            throw new AnnotationException(where + ": a ring needs at least 4 positions, the last equal to the first (found "
                    + c.length + (c.length > 0 && !c[0].equals2D(c[c.length - 1]) ? ", not closed" : "") + ")");
        }
        return FACTORY.createLinearRing(c);
    }
}
