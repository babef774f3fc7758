-- Feature set: tile embeddings of one backbone, keeping the tiles an annotated class covers (hist2RNA embeds only
-- the tumour regions a pathologist annotated in QuPath; EMO keeps invasive-cancer regions and sharp tiles).
-- Coverage comes from tile_regions (see `tessera annotations import`). One row per tile (slide_id, tile_index);
-- pool per slide with MEAN (hist2RNA's mean over the region) or keep the tiles with NONE.
-- Parameters (written as dollar-brace placeholders, filled in as quoted SQL string literals):
--   backbone       backbone card name, e.g. mobilenet_v2_imagenet
--   class          annotation class, e.g. Tumor (QuPath's classification.name)
--   min_fraction   minimum share of the tile the class covers, 0..1 (default 0.5)
--   min_sharpness  minimum tile sharpness, the variance of the Laplacian (default 0: every tile; 15 drops blurred tiles)
SELECT e.slide_id, e.tile_index, s.patient_id, r.fraction AS region_fraction, e.vector
FROM embeddings AS e
JOIN tile_regions AS r USING (slide_id, tiling_id, tile_index)
LEFT JOIN tile_sharpness AS q USING (slide_id, tiling_id, tile_index)
JOIN slides AS s USING (slide_id)
WHERE e.backbone = ${backbone}
  AND r.class = ${class}
  AND r.fraction >= CAST(${min_fraction:-0.5} AS DOUBLE)
  AND coalesce(q.sharpness, 0) >= CAST(${min_sharpness:-0} AS DOUBLE)
  AND tiling_id IN (SELECT tiling_id FROM tilings WHERE tissue_method <> 'spots')  -- tissue grids, not spot patches
ORDER BY slide_id, tile_index
