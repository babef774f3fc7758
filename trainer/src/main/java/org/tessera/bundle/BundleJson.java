package org.tessera.bundle;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tessera.backbone.BackboneCard;
import org.tessera.backbone.BackboneException;
import org.tessera.featureset.Pooling;
import org.tessera.splits.Split;
import org.tessera.splits.SplitKind;
import org.tessera.tiling.TilingSpec;

/**
 * {@code bundle.json}: the bundle's description, in a fixed field order so that the same bundle always gives
 * the same bytes (its id is their sha256). Metrics that are not finite (a gene with no correlation) are
 * written as {@code null} and read back as NaN.
 */
final class BundleJson {
    static final String FORMAT = "tessera-bundle";
    static final int FORMAT_VERSION = 1;
    static final String COEFFICIENTS = "coefficients.f64";
    static final String INTERCEPTS = "intercepts.f64";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BundleJson() {
    }

    /** What {@code bundle.json} says, before the weight and split files are read. */
    record Manifest(BundleKind kind, String softwareVersion, Instant created, BackboneProvenance backbone,
            TilingProvenance tiling, String stain, FeatureSetProvenance featureSet, List<String> genes,
            List<String> targetTransforms, Map<String, Double> metrics, int features, String coefficientsSha256,
            String interceptsSha256, Optional<SplitMeta> split) {
    }

    /** The split's fields of {@code bundle.json}; its rows are in {@link SplitFile}. */
    record SplitMeta(String name, long seed, SplitKind kind, int folds, String sha256) {
    }

    static byte[] write(Bundle b) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", FORMAT_VERSION);
        root.put("kind", b.kind().label());
        root.put("software_version", b.softwareVersion());
        root.put("created", b.created().toString());
        ObjectNode backbone = root.putObject("backbone");
        backbone.put("name", b.backbone().name());
        backbone.put("weights_sha256", b.backbone().weightsSha256());
        backbone.set("card", tree(b.backbone().card().toJson()));
        ObjectNode tiling = root.putObject("tiling");
        tiling.put("tiling_id", b.tiling().tilingId());
        tiling.put("tile_px", b.tiling().spec().tilePx());
        tiling.put("mpp", b.tiling().spec().mpp());
        tiling.put("stride_px", b.tiling().spec().stridePx());
        tiling.put("min_tissue", b.tiling().spec().minTissue());
        tiling.put("tissue_method", b.tiling().tissueMethod());
        root.put("stain", b.stain());
        ObjectNode set = root.putObject("feature_set");
        set.put("name", b.featureSet().name());
        set.put("sql", b.featureSet().sql());
        ObjectNode params = set.putObject("parameters");
        b.featureSet().parameters().forEach(params::put);
        set.put("pooling", b.featureSet().pooling().name());
        ArrayNode genes = root.putArray("genes");
        b.genes().forEach(genes::add);
        ArrayNode transforms = root.putArray("target_transforms");
        b.targetTransforms().forEach(transforms::add);
        if (b.split().isPresent()) {
            Split s = b.split().get();
            ObjectNode split = root.putObject("split");
            split.put("name", s.name());
            split.put("seed", s.seed());
            split.put("kind", s.kind().name());
            split.put("folds", s.folds());
            split.put("units", s.rows().size());
            split.put("rows_file", SplitFile.NAME);
            split.put("rows_sha256", SplitFile.sha256(SplitFile.bytes(s)));
        } else {
            root.putNull("split");
        }
        ObjectNode metrics = root.putObject("metrics");
        new TreeMap<>(b.metrics()).forEach((k, v) -> {
            if (Double.isFinite(v)) {
                metrics.put(k, v);
            } else {
                metrics.putNull(k);
            }
        });
        ObjectNode weights = root.putObject("weights");
        LinearWeights w = b.weights();
        weights.put("prediction", "y = x . W + b, x the pooled feature vector of a slide (float64)");
        weights.put("features", w.features());
        weights.put("outputs", w.outputs().size());
        ObjectNode coefficients = weights.putObject("coefficients");
        file(coefficients, COEFFICIENTS, "row-major, row = feature, column = gene (order of 'genes')",
                WeightFiles.sha256(w.coefficients()), w.features(), w.outputs().size());
        ObjectNode intercepts = weights.putObject("intercepts");
        file(intercepts, INTERCEPTS, "one per gene (order of 'genes')", WeightFiles.sha256(w.intercepts()), w.outputs().size());
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new IllegalStateException("bundle.json cannot be written: " + e.getMessage(), e);
        }
    }

    private static void file(ObjectNode node, String name, String layout, String sha256, int... shape) {
        node.put("file", name);
        node.put("dtype", "float64");
        node.put("byte_order", "little-endian");
        ArrayNode s = node.putArray("shape");
        for (int d : shape) {
            s.add(d);
        }
        node.put("layout", layout);
        node.put("sha256", sha256);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("backbone card JSON cannot be parsed: " + e.getMessage(), e);
        }
    }

    static Manifest read(byte[] bytes, String file) throws BundleException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new BundleException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new BundleException(file + ": must hold a JSON object");
        }
        Fields f = new Fields(file);
        if (!f.text(root, "", "format").equals(FORMAT)) {
            throw f.error("format", "must be '" + FORMAT + "', got " + root.get("format"));
        }
        long version = f.integer(root, "", "format_version");
        if (version != FORMAT_VERSION) {
            throw f.error("format_version", "is " + version + "; this Tessera reads version " + FORMAT_VERSION
                    + (version > FORMAT_VERSION ? " (the bundle was written by a newer Tessera)" : ""));
        }
        String kindLabel = f.text(root, "", "kind");
        BundleKind kind = BundleKind.ofLabel(kindLabel).orElseThrow(() -> f.error("kind", "must be one of "
                + java.util.Arrays.stream(BundleKind.values()).map(BundleKind::label).toList() + ", got '" + kindLabel + "'"));
        String software = f.text(root, "", "software_version");
        Instant created;
        try {
            created = Instant.parse(f.text(root, "", "created"));
        } catch (DateTimeParseException e) {
            throw f.error("created", "must be an ISO-8601 instant, got " + root.get("created"));
        }
        return new Manifest(kind, software, created, backbone(f, f.object(root, "", "backbone")),
                tiling(f, f.object(root, "", "tiling")), f.text(root, "", "stain"), featureSet(f, f.object(root, "", "feature_set")),
                f.texts(root, "", "genes"), f.texts(root, "", "target_transforms"), metrics(f, root),
                f.smallInteger(f.object(root, "", "weights"), "weights", "features"),
                sha(f, f.object(f.object(root, "", "weights"), "weights", "coefficients"), "weights.coefficients", COEFFICIENTS),
                sha(f, f.object(f.object(root, "", "weights"), "weights", "intercepts"), "weights.intercepts", INTERCEPTS),
                split(f, root));
    }

    private static BackboneProvenance backbone(Fields f, JsonNode b) throws BundleException {
        String name = f.text(b, "backbone", "name");
        String sha = f.text(b, "backbone", "weights_sha256");
        JsonNode cardNode = f.object(b, "backbone", "card");
        try {
            BackboneCard card = BackboneCard.fromJson(cardNode.toString(), "field 'backbone.card'");
            return new BackboneProvenance(name, sha, card);
        } catch (BackboneException | IllegalArgumentException e) {
            throw f.error("backbone", "is invalid: " + e.getMessage());
        }
    }

    private static TilingProvenance tiling(Fields f, JsonNode t) throws BundleException {
        String id = f.text(t, "tiling", "tiling_id");
        int tilePx = f.smallInteger(t, "tiling", "tile_px");
        double mpp = f.number(t, "tiling", "mpp");
        int stride = f.smallInteger(t, "tiling", "stride_px");
        double minTissue = f.number(t, "tiling", "min_tissue");
        String method = f.text(t, "tiling", "tissue_method");
        try {
            return new TilingProvenance(id, new TilingSpec(tilePx, mpp, stride, minTissue), method);
        } catch (IllegalArgumentException e) {
            throw f.error("tiling", "is invalid: " + e.getMessage());
        }
    }

    private static FeatureSetProvenance featureSet(Fields f, JsonNode s) throws BundleException {
        String name = f.text(s, "feature_set", "name");
        String sql = f.text(s, "feature_set", "sql");
        JsonNode params = f.object(s, "feature_set", "parameters");
        Map<String, String> values = new TreeMap<>();
        for (var it = params.fields(); it.hasNext();) {
            var e = it.next();
            if (!e.getValue().isTextual()) {
                throw f.error("feature_set.parameters." + e.getKey(), "must be a string, got " + e.getValue());
            }
            values.put(e.getKey(), e.getValue().asText());
        }
        String poolingName = f.text(s, "feature_set", "pooling");
        Pooling pooling;
        try {
            pooling = Pooling.valueOf(poolingName);
        } catch (IllegalArgumentException e) {
            throw f.error("feature_set.pooling", "must be one of " + java.util.Arrays.toString(Pooling.values()) + ", got '"
                    + poolingName + "'");
        }
        try {
            return new FeatureSetProvenance(name, sql, values, pooling);
        } catch (IllegalArgumentException e) {
            throw f.error("feature_set", "is invalid: " + e.getMessage());
        }
    }

    private static Map<String, Double> metrics(Fields f, JsonNode root) throws BundleException {
        JsonNode m = f.object(root, "", "metrics");
        Map<String, Double> out = new TreeMap<>();
        for (var it = m.fields(); it.hasNext();) {
            var e = it.next();
            if (e.getValue().isNull()) {
                out.put(e.getKey(), Double.NaN);
            } else if (e.getValue().isNumber()) {
                out.put(e.getKey(), e.getValue().asDouble());
            } else {
                throw f.error("metrics." + e.getKey(), "must be a number or null, got " + e.getValue());
            }
        }
        return out;
    }

    private static String sha(Fields f, JsonNode node, String path, String expectedFile) throws BundleException {
        String file = f.text(node, path, "file");
        if (!file.equals(expectedFile)) {
            throw f.error(path + ".file", "must be '" + expectedFile + "', got '" + file + "'");
        }
        if (!f.text(node, path, "dtype").equals("float64") || !f.text(node, path, "byte_order").equals("little-endian")) {
            throw f.error(path, "must be float64, little-endian");
        }
        String sha = f.text(node, path, "sha256");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw f.error(path + ".sha256", "must be 64 lower-case hex digits, got '" + sha + "'");
        }
        return sha;
    }

    private static Optional<SplitMeta> split(Fields f, JsonNode root) throws BundleException {
        if (!root.has("split")) {
            throw f.error("split", "is missing (write null for a bundle without a split)");
        }
        JsonNode s = root.get("split");
        if (s.isNull()) {
            return Optional.empty();
        }
        String kindName = f.text(s, "split", "kind");
        SplitKind kind;
        try {
            kind = SplitKind.valueOf(kindName);
        } catch (IllegalArgumentException e) {
            throw f.error("split.kind", "must be one of " + java.util.Arrays.toString(SplitKind.values()) + ", got '" + kindName + "'");
        }
        if (!f.text(s, "split", "rows_file").equals(SplitFile.NAME)) {
            throw f.error("split.rows_file", "must be '" + SplitFile.NAME + "'");
        }
        return Optional.of(new SplitMeta(f.text(s, "split", "name"), f.integer(s, "split", "seed"), kind,
                f.smallInteger(s, "split", "folds"), f.text(s, "split", "rows_sha256")));
    }
}
