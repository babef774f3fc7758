-- Feature set: tile-level embeddings of one backbone, keeping tiles whose tissue fraction is at least a
-- threshold. One row per tile (slide_id, tile_index); pool them per slide with MEAN, MEAN_STD or MAX, or
-- keep them with NONE.
-- Parameters (written as dollar-brace placeholders, filled in as quoted SQL string literals):
--   backbone       backbone card name, e.g. mobilenet_v2_imagenet
--   min_tissue     minimum tissue fraction of a tile, 0..1 (cast to DOUBLE below)
--   min_sharpness  minimum tile sharpness, the variance of the Laplacian (default 0: every tile; 15 drops blurred
--                  tiles, see tile_sharpness); grids made before sharpness was stored count as 0
SELECT slide_id, tile_index, s.patient_id, e.vector
FROM embeddings AS e
JOIN tiles AS t USING (slide_id, tiling_id, tile_index)
JOIN slides AS s USING (slide_id)
LEFT JOIN tile_sharpness AS q USING (slide_id, tiling_id, tile_index)
WHERE e.backbone = ${backbone}
  AND tiling_id IN (SELECT tiling_id FROM tilings WHERE tissue_method <> 'spots')  -- tissue grids, not spot patches
  AND t.tissue_fraction >= CAST(${min_tissue} AS DOUBLE)
  AND coalesce(q.sharpness, 0) >= CAST(${min_sharpness:-0} AS DOUBLE)
ORDER BY slide_id, tile_index
