package org.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.extract.Shard;
import org.tessera.store.FeatureStore;

/**
 * Two machines' shares of an extraction, merged, equal one machine's run: the same slide, tiling and backbone
 * keys, the same tile counts, the same vectors bit for bit (each ONNX Runtime session with one intra-op
 * thread, so the sums inside the network are done in the same order).
 */
class ShardedExtractionTest {
    private static final String BACKBONE = "mobilenet_v2_imagenet";

    @TempDir
    Path tmp;

    private static Cli extract(Path store, String... more) {
        // One session per core, each with cores / sessions = 1 intra-op thread.
        String sessions = String.valueOf(Math.min(64, Runtime.getRuntime().availableProcessors()));
        List<String> args = new java.util.ArrayList<>(List.of("extract", "--store", store.toString(), "--backbone", BACKBONE,
                "--no-previews", "--inference-threads", sessions));
        args.addAll(List.of(more));
        Cli c = Cli.run(args.toArray(String[]::new));
        assertEquals(0, c.code(), c.toString());
        return c;
    }

    @Test
    void shardsZeroAndOneOfTwoMergedEqualAnUnshardedRun() throws Exception {
        Path single = tmp.resolve("single");
        KilledExtractionTest.prepare(single);
        extract(single);

        Path main = tmp.resolve("main");
        KilledExtractionTest.prepare(main);
        List<String> ids = slideIds(main);
        long inShard0 = ids.stream().filter(new Shard(0, 2)::contains).count();
        assertTrue(inShard0 > 0 && inShard0 < ids.size(), "both shards get slides: " + inShard0 + " of " + ids.size());

        Cli zero = extract(tmp.resolve("frag-0"), "--shard", "0/2", "--from", main.toString());
        assertTrue(zero.out().contains("shard 0/2: " + inShard0 + " of 3 selected slides are this shard's, 0 of them already in"), zero.out());
        extract(tmp.resolve("frag-1"), "--shard", "1/2", "--from", main.toString());
        Cli merge = Cli.run("store", "merge", tmp.resolve("frag-0").toString(), tmp.resolve("frag-1").toString(), "--into", main.toString());
        assertEquals(0, merge.code(), merge.toString());
        assertTrue(merge.out().contains("3 slides, 1 backbones, 1 tilings, 3 tile grids, 3 embedding sets"), merge.out());

        assertEquals(keys(single), keys(main), "slide x tiling x backbone keys and tile counts");
        Map<String, float[]> expected = StoreVectors.of(single);
        Map<String, float[]> actual = StoreVectors.of(main);
        assertEquals(expected.keySet(), actual.keySet());
        for (var e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), actual.get(e.getKey()), e.getKey()); // exact: bit for bit
        }
        Cli verify = Cli.run("store", "verify", "--store", main.toString());
        assertEquals(0, verify.code(), verify.toString());

        // A late shard task finds everything in the main store: nothing to do, no model loaded.
        Cli late = extract(tmp.resolve("frag-0-again"), "--shard", "0/2", "--from", main.toString());
        assertTrue(late.out().contains(inShard0 + " of them already in") && late.out().contains("nothing to extract"), late.out());
        assertFalse(Cli.run("extract", "--store", tmp.resolve("x").toString(), "--backbone", BACKBONE, "--shard", "2/2").code() == 0);
    }

    private static List<String> slideIds(Path store) throws Exception {
        try (FeatureStore s = FeatureStore.openReadOnly(store)) {
            return s.slides().all().stream().map(r -> r.slideId()).toList();
        }
    }

    private static List<String> keys(Path store) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (FeatureStore s = FeatureStore.openReadOnly(store); Statement st = s.connection().createStatement();
                ResultSet r = st.executeQuery("SELECT slide_id, tiling_id, weights_sha256, stain, embedding_sets.n_tiles, g.n_tiles, b.backbone "
                        + "FROM embedding_sets JOIN tile_grids AS g USING (slide_id, tiling_id) JOIN backbones AS b USING (weights_sha256) ORDER BY ALL")) {
            while (r.next()) {
                out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " " + r.getInt(5) + " "
                        + r.getInt(6) + " " + r.getString(7));
            }
        }
        return out;
    }
}
