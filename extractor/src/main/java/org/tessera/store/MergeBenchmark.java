package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Merge time against the number of embedding sets: {@code fragments} fragments of one set each (what a SLURM
 * array of that many tasks over as many slides leaves) are generated with {@link SyntheticFragments}, then
 * merged one after the other into one fresh main store, with the time taken noted at each checkpoint. The
 * merge is linear when each batch between checkpoints costs the same per set however large the main store
 * already is. The baseline, measured in the same run, is copying the same Parquet folders with plain file
 * copies. Last, {@code store verify} runs on the merged store.
 */
public final class MergeBenchmark {
    /** At a checkpoint: sets merged so far, seconds so far, and the batch since the last checkpoint. */
    public record Point(int sets, double mergeSeconds, double batchMsPerSet, double copySeconds, long bytes) {
    }

    /** All measurements; {@code verify} is the report on the merged store. */
    public record Result(int tilesPerSet, int dimension, double generateSeconds, List<Point> points, double verifySeconds,
            StoreVerify.Report verify, StoreCounts counts) {
        public Result {
            points = List.copyOf(points);
        }
    }

    private final Path work;
    private final int tilesPerSet;
    private final int dimension;
    private final Consumer<String> log;

    public MergeBenchmark(Path work, int tilesPerSet, int dimension, Consumer<String> log) {
        this.work = work;
        this.tilesPerSet = tilesPerSet;
        this.dimension = dimension;
        this.log = log;
    }

    /** Runs the benchmark with checkpoints at {@code checkpoints} (ascending; the last is the number of fragments). */
    public Result run(int[] checkpoints) throws StoreException, SQLException, IOException {
        int fragments = checkpoints[checkpoints.length - 1];
        Path root = Files.createDirectories(work.resolve("tessera-merge-benchmark-" + ProcessHandle.current().pid()));
        try {
            SyntheticFragments generator = new SyntheticFragments(SyntheticFragments.backbone("synthetic", dimension, "v1"), tilesPerSet);
            long t0 = System.nanoTime();
            Path template = root.resolve("template");
            FeatureStore.open(template).close();
            List<Path> dirs = new ArrayList<>();
            for (int i = 0; i < fragments; i++) {
                Path dir = root.resolve("fragments").resolve(String.format("frag-%04d", i));
                generator.writeFromTemplate(template, dir, List.of("slide-" + i));
                dirs.add(dir);
                if ((i + 1) % 100 == 0) {
                    log.accept("generated " + (i + 1) + " of " + fragments + " fragments");
                }
            }
            double generate = (System.nanoTime() - t0) / 1e9;
            List<Point> points = new ArrayList<>();
            Path main = root.resolve("main");
            long merging = 0;
            long copying = 0;
            long bytes = 0;
            int done = 0;
            try (FeatureStore store = FeatureStore.open(main)) {
                StoreMerge merge = new StoreMerge(store);
                for (int checkpoint : checkpoints) {
                    long batch = System.nanoTime();
                    int from = done;
                    for (; done < checkpoint; done++) {
                        long m0 = System.nanoTime();
                        merge.merge(dirs.get(done));
                        long c0 = System.nanoTime();
                        bytes += copySets(dirs.get(done), root.resolve("copy"));
                        merging += c0 - m0;
                        copying += System.nanoTime() - c0;
                    }
                    double batchMs = (System.nanoTime() - batch) / 1e6;
                    Point p = new Point(done, merging / 1e9, batchMs / Math.max(1, done - from), copying / 1e9, bytes);
                    log.accept(String.format("%d sets: merge %.1f s so far (last batch %.1f ms a set), plain copy %.2f s", done,
                            p.mergeSeconds(), p.batchMsPerSet(), p.copySeconds()));
                    points.add(p);
                }
            }
            long v0 = System.nanoTime();
            StoreVerify.Report report;
            StoreCounts counts;
            try (FeatureStore store = FeatureStore.openReadOnly(main)) {
                report = new StoreVerify(store).run();
                counts = StoreCounts.of(store);
            }
            double verify = (System.nanoTime() - v0) / 1e9;
            return new Result(tilesPerSet, dimension, generate, points, verify, report, counts);
        } finally {
            Directories.deleteTree(root);
        }
    }

    /** The baseline: a fragment's set folders copied file by file; returns the bytes copied. */
    private static long copySets(Path fragment, Path target) throws IOException {
        long bytes = 0;
        {
            Path embeddings = fragment.resolve(FeatureStore.EMBEDDINGS);
            try (Stream<Path> walk = Files.walk(embeddings)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".parquet") && !p.getFileName().toString().equals(EmbeddingSets.SCHEMA_FILE)).toList()) {
                    Path to = target.resolve(embeddings.relativize(file).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                    bytes += Files.size(to);
                }
            }
        }
        return bytes;
    }
}
