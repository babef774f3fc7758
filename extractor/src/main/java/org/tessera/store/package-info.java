/**
 * The feature store: a directory with a DuckDB catalogue and immutable Parquet embedding files.
 *
 * <p>The store is a contract analysts use directly (see {@code sql/README.md}). Identity is content:
 * slides by fingerprint, tilings by spec, embeddings by {@link org.tessera.store.FeatureKey} (slide x
 * tiling x backbone weights sha256 x stain). Embedding files are written to {@code .staging/}, moved into
 * {@code embeddings/} by an atomic rename, then recorded; opening a store for writing removes anything a
 * crash left in between, so a killed run loses no finished slide and duplicates nothing. Embeddings enter
 * DuckDB as Arrow record batches and leave it as Arrow ({@link org.tessera.store.ArrowResult}).
 *
 * <p>Many machines: a fragment (a store one machine extracted its shard into, seeded by
 * {@link org.tessera.store.FragmentSeed}) is merged into a main store by {@link org.tessera.store.StoreMerge}
 * with the same atomic-folder-then-row rule; {@link org.tessera.store.StoreVerify} checks rows against files;
 * {@code StoreLock} refuses a second writing process.
 */
package org.tessera.store;
