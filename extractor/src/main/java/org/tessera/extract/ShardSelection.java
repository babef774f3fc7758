package org.tessera.extract;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tessera.backbone.BackboneException;
import org.tessera.store.BackboneRecord;
import org.tessera.store.FeatureStore;
import org.tessera.store.FragmentSeed;
import org.tessera.store.SlideRecord;
import org.tessera.store.StoreException;

/**
 * Which slides one machine extracts when a cohort is spread over many: with a main store ({@code --from}),
 * the fragment is first seeded from it ({@link FragmentSeed}) and slides the main store has already embedded
 * with this backbone, tiling and stain are left out; with a {@link Shard}, only the shard's slides are kept.
 * Either may be absent.
 */
public record ShardSelection(Optional<Shard> shard, Optional<Path> main) {
    /** Selects the slides of a store (for example by the user's SQL) once the fragment is seeded. */
    public interface Query {
        List<SlideRecord> slides(FeatureStore store) throws SQLException;
    }

    /** The slides to extract, and how many the selection left out and why. */
    public record Result(List<SlideRecord> slides, int selected, int otherShards, int inMain) {
    }

    public Result select(FeatureStore store, Extractor extractor, List<String> backbones, Query query)
            throws SQLException, StoreException, BackboneException {
        Set<String> done = Set.of();
        if (main.isPresent()) {
            try (FragmentSeed seed = FragmentSeed.attach(store, main.get())) {
                seed.copyCatalogue();
                // A slide is done in MAIN only when every backbone of this run has its set there.
                Set<String> all = null;
                for (String backbone : backbones) {
                    BackboneRecord b = BackboneRegistry.registered(store, backbone);
                    Set<String> these = seed.slidesDone(extractor.tilingId(), b.weightsSha256(), extractor.stain());
                    if (all == null) {
                        all = new java.util.HashSet<>(these);
                    } else {
                        all.retainAll(these);
                    }
                }
                done = all == null ? Set.of() : all;
            }
        }
        List<SlideRecord> all = query.slides(store);
        List<SlideRecord> mine = shard.map(s -> s.select(all)).orElse(all);
        Set<String> inMain = done;
        List<SlideRecord> todo = mine.stream().filter(s -> !inMain.contains(s.slideId())).toList();
        return new Result(todo, all.size(), all.size() - mine.size(), mine.size() - todo.size());
    }
}
