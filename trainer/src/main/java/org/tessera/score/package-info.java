/**
 * Scoring: a model bundle applied to slides of a feature store.
 *
 * <p>{@link org.tessera.score.Scorer} checks that the store's backbone of the bundle's name has the bundle's
 * weights and preprocessing, embeds the selected slides that lack embeddings under the bundle's backbone,
 * tiling and stain (every tile once: slides already embedded cost no inference), reads the bundle's
 * feature set restricted to exactly those embeddings, predicts, and writes slide-level predictions to the
 * store's {@code predictions} table and, when asked, to a Parquet or CSV file.
 */
package org.tessera.score;
