package org.tessera.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.tessera.tiling.Tile;
import org.tessera.tiling.TilingSpec;

/**
 * Writes store fragments with made-up slides and embeddings through the store's own writers (slide
 * catalogue, tile grid, run log, {@link SetWriter}), for the merge benchmark and the merge tests: a fragment
 * looks exactly like one an extraction wrote, without slides or a model. A slide's vectors depend only on its
 * name and the backbone's weights, so the same slide written into two fragments has the same content.
 */
public record SyntheticFragments(BackboneRecord backbone, int tilesPerSet) {
    public SyntheticFragments {
        if (tilesPerSet < 1) {
            throw new IllegalArgumentException("tiles per set must be positive, got " + tilesPerSet);
        }
    }

    /** A made-up backbone of the given name and dimension whose sha256 derives from {@code version}. */
    public static BackboneRecord backbone(String name, int dimension, String version) {
        return new BackboneRecord(name, Ids.sha256(name + "|" + version), dimension, 224, "/synthetic/" + name + ".onnx",
                "{\"name\": \"" + name + "\", \"synthetic\": true}");
    }

    /**
     * Writes a new fragment at {@code dir} starting from a copy of {@code template}, an empty store (faster than
     * creating and migrating a store each time); the copy gets an identity of its own.
     */
    public void writeFromTemplate(Path template, Path dir, List<String> slideNames) throws StoreException, SQLException, IOException {
        Files.createDirectories(dir.resolve(FeatureStore.EMBEDDINGS));
        Files.copy(template.resolve(FeatureStore.DATABASE), dir.resolve(FeatureStore.DATABASE));
        Path schema = Path.of(FeatureStore.EMBEDDINGS, EmbeddingSets.SCHEMA_FILE);
        Files.copy(template.resolve(schema), dir.resolve(schema));
        write(dir, slideNames, true);
    }

    /** Writes (or completes) a fragment at {@code dir} holding one embedding set per slide name, in one run. */
    public void write(Path dir, List<String> slideNames) throws StoreException, SQLException, IOException {
        write(dir, slideNames, false);
    }

    private void write(Path dir, List<String> slideNames, boolean newIdentity) throws StoreException, SQLException, IOException {
        try (FeatureStore store = FeatureStore.open(dir); BufferAllocator allocator = new RootAllocator();
                DuckDBConnection writer = store.newConnection()) {
            if (newIdentity) {
                store.execute("UPDATE store_identity SET store_id = uuid()::VARCHAR");
            }
            store.backbones().add(backbone);
            String tiling = store.tilings().register(TilingSpec.DEFAULT, "synthetic");
            int runId = store.runs().start(new RunLog.Start(backbone.backbone(), backbone.weightsSha256(), tiling, "none", "cpu", 16,
                    SoftwareVersion.get(), "{\"synthetic\": true}", slideNames.size()));
            long start = System.nanoTime();
            int columns = (int) Math.ceil(Math.sqrt(tilesPerSet));
            for (String name : slideNames) {
                SlideRecord slide = store.slides().register(slide(name, columns)).slide();
                List<Tile> tiles = new ArrayList<>();
                for (int i = 0; i < tilesPerSet; i++) {
                    tiles.add(new Tile(i, i % columns, i / columns, (i % columns) * 448L, (i / columns) * 448L, 448, 448, 1.0));
                }
                if (store.tilings().grid(slide.slideId(), tiling).isEmpty()) {
                    store.tilings().save(new GridRecord(slide.slideId(), tiling, columns, columns, tilesPerSet, 0.8, 0, Optional.empty()), tiles);
                }
                FeatureKey key = new FeatureKey(slide.slideId(), tiling, backbone.weightsSha256(), "none");
                if (store.embeddings().exists(key)) {
                    continue;
                }
                SplittableRandom random = new SplittableRandom(Ids.sha256(name + "|" + backbone.weightsSha256()).hashCode());
                float[] v = new float[backbone.dimension()];
                try (SetWriter w = store.embeddings().begin(writer, allocator, key, backbone.dimension(), 8192)) {
                    for (int i = 0; i < tilesPerSet; i++) {
                        for (int j = 0; j < v.length; j++) {
                            v[j] = (float) random.nextDouble(-1, 1);
                        }
                        w.add(i, v, 0);
                    }
                    w.commit(runId, 0.001);
                }
            }
            store.runs().finish(runId, new RunLog.Finish(slideNames.size(), 0, 0, (long) slideNames.size() * tilesPerSet,
                    (System.nanoTime() - start) / 1e9, "[]", "[]", java.util.Optional.empty()));
        }
    }

    private static SlideRecord slide(String name, int columns) {
        String fingerprint = "synthetic:" + name;
        return new SlideRecord(Ids.slideId(fingerprint), fingerprint, name, "/synthetic/" + name + ".svs", "synthetic", 0.5, "file",
                Optional.of(20.0), columns * 448L, columns * 448L, 1, Optional.of("P-" + name), Optional.of("SYNTHETIC"), 1);
    }
}
