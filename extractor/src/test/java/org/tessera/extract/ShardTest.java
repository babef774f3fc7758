package org.tessera.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tessera.store.Ids;

class ShardTest {
    @Test
    void everySlideIsInExactlyOneShardAndTheSharesAreEven() {
        int n = 4;
        int[] sizes = new int[n];
        for (int s = 0; s < 4000; s++) {
            String id = Ids.slideId("fingerprint-" + s);
            int owners = 0;
            for (int i = 0; i < n; i++) {
                if (new Shard(i, n).contains(id)) {
                    owners++;
                    sizes[i]++;
                }
            }
            assertEquals(1, owners, id);
        }
        // Binomial(4000, 1/4): sd 27; 6 sd either side.
        IntStream.of(sizes).forEach(size -> assertTrue(Math.abs(size - 1000) < 165, "shard sizes " + java.util.Arrays.toString(sizes)));
    }

    @Test
    void theAssignmentIsSha256OfTheSlideIdModN() {
        // printf s0123456789abcde | sha256sum  ->  e6bd7a6cb91a9aef...; its first 8 bytes without the sign bit, mod 1..9
        // (python3: [(0xe6bd7a6cb91a9aef & 0x7fffffffffffffff) % n for n in range(1, 10)]):
        int[] expected = {0, 1, 0, 3, 0, 3, 6, 7, 0};
        for (int n = 1; n <= 9; n++) {
            assertTrue(new Shard(expected[n - 1], n).contains("s0123456789abcde"), n + " shards");
        }
    }

    @Test
    void indexAndCountComeFromSlurmOrKubernetesWhenNotGiven() {
        assertEquals(new Shard(3, 8), Shard.resolve("3/8", Map.of()));
        assertEquals(new Shard(2, 5), Shard.resolve("", Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "5",
                "SLURM_ARRAY_TASK_MIN", "0")));
        assertEquals(new Shard(1, 4), Shard.resolve("", Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "4",
                "SLURM_ARRAY_TASK_MIN", "1")), "an array numbered from 1");
        assertEquals(new Shard(6, 10), Shard.resolve("/10", Map.of("JOB_COMPLETION_INDEX", "6")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.resolve("", Map.of("JOB_COMPLETION_INDEX", "1")))
                .getMessage().contains("SLURM_ARRAY_TASK_COUNT is not set"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.resolve("/4", Map.of())).getMessage()
                .contains("neither SLURM_ARRAY_TASK_ID nor JOB_COMPLETION_INDEX"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.resolve("4/4", Map.of())).getMessage()
                .contains("0..3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Shard.resolve("a/4", Map.of())).getMessage()
                .contains("form I/N"));
    }
}
