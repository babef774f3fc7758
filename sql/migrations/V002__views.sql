-- Views over the Parquet embeddings. Paths are relative to the store: DuckDB resolves them against
-- file_search_path, which Tessera sets to the store directory (do the same, or start DuckDB there).
-- embeddings/_schema.parquet is an empty file with the column types, so the views bind on a new store.

-- Every stored tile embedding, one row per slide x tiling x backbone x stain x tile.
CREATE OR REPLACE VIEW embeddings AS
SELECT e.slide_id,
       e.tiling_id,
       b.backbone,
       e.stain,
       e.tile_index,
       e.vector
FROM read_parquet('embeddings/**/*.parquet') AS e
JOIN backbones AS b USING (weights_sha256)
JOIN embedding_sets AS s USING (slide_id, tiling_id, weights_sha256, stain);

-- hist2RNA's aggregate: the mean tile embedding per slide x backbone (x tiling x stain), computed in
-- double precision when the slide's embeddings were written.
CREATE OR REPLACE VIEW slide_embeddings_mean AS
SELECT s.slide_id,
       sl.patient_id,
       sl.cohort,
       s.tiling_id,
       b.backbone,
       s.stain,
       s.n_tiles,
       s.mean_vector AS vector
FROM embedding_sets AS s
JOIN backbones AS b USING (weights_sha256)
JOIN slides AS sl USING (slide_id);

-- Tiles with their embeddings' coordinates, for maps and tile-level feature sets.
CREATE OR REPLACE VIEW tile_embeddings AS
SELECT t.slide_id, t.tiling_id, e.backbone, e.stain, t.tile_index, t.col, t."row",
       t.x, t.y, t.width, t.height, t.tissue_fraction, e.vector
FROM tiles AS t
JOIN embeddings AS e USING (slide_id, tiling_id, tile_index);
