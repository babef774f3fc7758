package org.tessera.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed access to the fields of a parsed {@code bundle.json}, each failure naming the file and the field's
 * dotted path ({@code tiling.tile_px}), so a hand-edited or truncated bundle says exactly what is wrong.
 */
final class Fields {
    private final String file;

    Fields(String file) {
        this.file = file;
    }

    BundleException error(String path, String problem) {
        return new BundleException(file + ": field '" + path + "' " + problem);
    }

    JsonNode node(JsonNode parent, String prefix, String name) throws BundleException {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            throw error(join(prefix, name), "is missing");
        }
        return n;
    }

    JsonNode object(JsonNode parent, String prefix, String name) throws BundleException {
        JsonNode n = node(parent, prefix, name);
        if (!n.isObject()) {
            throw error(join(prefix, name), "must be an object, got " + n.getNodeType());
        }
        return n;
    }

    String text(JsonNode parent, String prefix, String name) throws BundleException {
        JsonNode n = node(parent, prefix, name);
        if (!n.isTextual() || n.asText().isBlank()) {
            throw error(join(prefix, name), "must be a non-empty string, got " + n);
        }
        return n.asText();
    }

    long integer(JsonNode parent, String prefix, String name) throws BundleException {
        JsonNode n = node(parent, prefix, name);
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw error(join(prefix, name), "must be an integer, got " + n);
        }
        return n.asLong();
    }

    int smallInteger(JsonNode parent, String prefix, String name) throws BundleException {
        long v = integer(parent, prefix, name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(join(prefix, name), "is out of range: " + v);
        }
        return (int) v;
    }

    double number(JsonNode parent, String prefix, String name) throws BundleException {
        JsonNode n = node(parent, prefix, name);
        if (!n.isNumber()) {
            throw error(join(prefix, name), "must be a number, got " + n);
        }
        return n.asDouble();
    }

    List<String> texts(JsonNode parent, String prefix, String name) throws BundleException {
        JsonNode n = node(parent, prefix, name);
        if (!n.isArray()) {
            throw error(join(prefix, name), "must be an array of strings, got " + n.getNodeType());
        }
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            if (!n.get(i).isTextual()) {
                throw error(join(prefix, name) + "[" + i + "]", "must be a string, got " + n.get(i));
            }
            out.add(n.get(i).asText());
        }
        return out;
    }

    static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
