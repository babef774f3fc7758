package org.tessera.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one place JSON is written for the catalogue's provenance and options columns ({@code parameters},
 * {@code failures}, {@code options}, {@code filters}, {@code exclusions}, {@code columns}, {@code head_params},
 * {@code shares}, {@code counts}, built-in cards): Jackson, so every string is escaped as RFC 8259 says
 * (quotes, backslashes, control characters; U+2028 and non-BMP characters pass as UTF-8). Values are
 * records (their components become snake_case keys in declaration order), maps (keys as given) and lists.
 * Files with their own canonical form (bundle.json, backbone cards) keep their own mapper.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {
    }

    /** {@code value} as compact JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text written by {@link #write} (or by DuckDB's JSON functions). */
    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text into a record or other type written by {@link #write}. */
    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
