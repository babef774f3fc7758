package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tessera.store.Json;

class RunParametersTest {
    @Test
    void theSourceParametersAndTheRunsOwnAreOneFlatObject() {
        var run = new Extractor.RunParameters(new GridBuilder.Parameters(224, 0.5, 224, 0.5, "saturation-otsu \"x\""), "t1", "none", 32, 2, 1, 8192,
                java.util.List.of("a", "b"), java.util.List.of());
        assertEquals("{\"tile_px\":224,\"mpp\":0.5,\"stride_px\":224,\"min_tissue\":0.5,\"tissue\":\"saturation-otsu \\\"x\\\"\","
                + "\"tiling_id\":\"t1\",\"stain\":\"none\",\"batch_size\":32,\"reader_threads\":2,\"inference_threads\":1,\"part_rows\":8192,"
                + "\"backbones\":[\"a\",\"b\"],\"gpus\":[]}", Json.write(run));
    }
}
