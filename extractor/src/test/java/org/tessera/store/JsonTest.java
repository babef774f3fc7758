package org.tessera.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonTest {
    /** Quotes, backslashes, tab, CR, LF, NUL and other controls, U+2028/2029, a lone-free surrogate pair (non-BMP), DEL. */
    static final List<String> HOSTILE = List.of("say \"hi\"", "C:\\slides\\a.svs", "tab\there", "cr\rlf\n", "nul\u0000bell\u0007",
            "line\u2028para\u2029", "emoji \uD83E\uDDEC and \uD835\uDD0A", "\u007f", "}\"]},{\"x\":", "'; DROP TABLE slides; --", "");

    @TempDir
    Path tmp;

    record Hostile(String text, List<String> texts, Map<String, String> byKey) {
    }

    @Test
    void hostileStringsSurviveAJsonColumnOfTheCatalogue() throws Exception {
        Hostile value = new Hostile(String.join("|", HOSTILE), HOSTILE, Map.of("k\"ey\t", HOSTILE.get(5)));
        try (FeatureStore store = FeatureStore.open(tmp.resolve("store"))) {
            int run = store.runs().start(new RunLog.Start("b", "a".repeat(64), "t", "none", "cpu", 1, "test", value, 1));
            try (PreparedStatement p = store.connection().prepareStatement(
                    "SELECT parameters::VARCHAR, json_extract_string(parameters, '$.texts') FROM extraction_runs WHERE run_id = ?")) {
                p.setInt(1, run);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    assertEquals(value, Json.read(r.getString(1), Hostile.class), "Jackson reads back what it wrote");
                    JsonNode texts = Json.read(r.getString(2));
                    for (int i = 0; i < HOSTILE.size(); i++) {
                        assertEquals(HOSTILE.get(i), texts.get(i).asText(), "DuckDB's JSON reader, item " + i);
                    }
                }
            }
            try (PreparedStatement p = store.connection().prepareStatement(
                    "SELECT unnest(from_json(parameters -> 'texts', '[\"VARCHAR\"]')) FROM extraction_runs WHERE run_id = ?")) {
                p.setInt(1, run);
                try (ResultSet r = p.executeQuery()) {
                    for (String expected : HOSTILE) {
                        r.next();
                        assertEquals(expected, r.getString(1), "DuckDB from_json");
                    }
                }
            }
        }
    }

    @Test
    void recordComponentsBecomeSnakeCaseKeysInOrder() {
        record Parameters(int tilePx, double minTissue, String tissue) {
        }
        assertEquals("{\"tile_px\":224,\"min_tissue\":0.5,\"tissue\":\"otsu\"}", Json.write(new Parameters(224, 0.5, "otsu")));
    }
}
