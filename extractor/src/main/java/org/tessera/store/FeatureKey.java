package org.tessera.store;

import java.util.Objects;

/**
 * What identifies one slide's embeddings: the slide (by content), the tiling, the backbone's weights and the
 * stain normalisation applied to tiles before the backbone ("none" or the method with its parameters).
 * Everything the extractor does is keyed by this: an existing key means no inference.
 */
public record FeatureKey(String slideId, String tilingId, String weightsSha256, String stain) {
    public FeatureKey {
        Objects.requireNonNull(slideId, "slideId");
        Objects.requireNonNull(tilingId, "tilingId");
        Objects.requireNonNull(stain, "stain");
        if (weightsSha256 == null || !weightsSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("weights sha256 must be 64 lowercase hex digits, got " + weightsSha256);
        }
        if (stain.isBlank()) {
            throw new IllegalArgumentException("stain must be 'none' or a method description");
        }
    }

    /** The folder of this key's Parquet files, relative to the store. */
    public String relativeDir() {
        return FeatureStore.EMBEDDINGS + "/w=" + weightsSha256.substring(0, 12) + "/t=" + tilingId + "/p=" + stainSlug()
                + "/" + slideId;
    }

    private String stainSlug() {
        if (stain.equals("none")) {
            return "none";
        }
        String method = stain.split("[^A-Za-z0-9]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return (method.isEmpty() ? "stain" : method) + "-" + Ids.sha256(stain).substring(0, 8);
    }
}
