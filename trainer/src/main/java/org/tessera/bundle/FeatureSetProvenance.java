package org.tessera.bundle;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.tessera.featureset.FeatureSet;
import org.tessera.featureset.Pooling;

/**
 * The feature set a bundle was trained on: its SQL text (not a file name, which could change under it), the
 * values of its placeholders and its pooling. The parameters must fill the query's placeholders exactly,
 * which is checked by rendering it once.
 *
 * @param name       the feature set's name (provenance only)
 * @param sql        the query text with placeholders
 * @param parameters placeholder values, sorted by name
 * @param pooling    how rows became matrix rows
 */
public record FeatureSetProvenance(String name, String sql, Map<String, String> parameters, Pooling pooling) {
    public FeatureSetProvenance {
        parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
        new FeatureSet(name, sql, pooling).render(parameters); // throws naming a missing or unused parameter
    }

    /** Provenance of {@code set} used with {@code parameters}. */
    public static FeatureSetProvenance of(FeatureSet set, Map<String, String> parameters) {
        return new FeatureSetProvenance(set.name(), set.sql(), parameters, set.pooling());
    }

    /** The feature set to read scoring features with. */
    public FeatureSet featureSet() {
        return new FeatureSet(name, sql, pooling);
    }
}
