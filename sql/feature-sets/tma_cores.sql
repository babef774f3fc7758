-- Feature set: tissue microarray cores (see `tessera tma dearray`). Each tile whose centre lies in a found core with
-- a patient from the core map becomes a row whose unit (slide_id) is the core, 'slide_id:label', and whose patient
-- is the core's. Pool with MEAN: one vector per core; training and scoring then average a patient's cores (a patient
-- with several cores, on one or several slides, pools over them), as hist2RNA's external TMA cohort needs.
-- Parameters (written as dollar-brace placeholders, filled in as quoted SQL string literals):
--   backbone       backbone card name, e.g. mobilenet_v2_imagenet
--   min_sharpness  minimum tile sharpness, the variance of the Laplacian (default 0: every tile)
SELECT t.slide_id || ':' || c.label AS slide_id,
       t.tile_index,
       c.patient_id,
       c.label AS core,
       t.vector
FROM tile_embeddings AS t
JOIN tma_cores AS c ON c.slide_id = t.slide_id AND c.found AND c.grid_row IS NOT NULL AND c.patient_id IS NOT NULL
LEFT JOIN tile_sharpness AS q ON q.slide_id = t.slide_id AND q.tiling_id = t.tiling_id AND q.tile_index = t.tile_index
WHERE t.backbone = ${backbone}
  AND t.tiling_id IN (SELECT tiling_id FROM tilings WHERE tissue_method <> 'spots')  -- tissue grids, not spot patches
  AND (t.x + t.width / 2 - c.x) * (t.x + t.width / 2 - c.x) + (t.y + t.height / 2 - c.y) * (t.y + t.height / 2 - c.y)
      <= c.radius * c.radius
  AND coalesce(q.sharpness, 0) >= CAST(${min_sharpness:-0} AS DOUBLE)
ORDER BY 1, t.tile_index
