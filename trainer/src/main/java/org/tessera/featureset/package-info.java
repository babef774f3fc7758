/**
 * Feature sets: SQL queries over the feature store that select embeddings, and the dense matrices read
 * from them.
 *
 * <p>A {@link org.tessera.featureset.FeatureSet} is a query returning a {@code slide_id} column, optional
 * {@code tile_index} and {@code patient_id} columns, and a {@code vector} FLOAT[] column. Named sets are
 * the {@code .sql} files of {@code sql/feature-sets/} (on the classpath). {@link
 * org.tessera.featureset.FeatureMatrices} streams a query's result out of DuckDB as Arrow batches and builds
 * a {@link org.tessera.featureset.FeatureMatrix}, pooling tiles per slide on the fly when asked, so that
 * tile-level sets never hold more than one slide-by-dimension array in memory.
 */
package org.tessera.featureset;
