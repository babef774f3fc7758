-- Slides, their grids and how many tiles each backbone has embedded.
SELECT s.name, s.cohort, s.patient_id, s.width, s.height, s.mpp,
       g.tiling_id, g.n_tiles, round(g.tissue_fraction, 3) AS tissue_fraction,
       e.backbone, e.n_tiles AS embedded
FROM slides s
JOIN tile_grids g USING (slide_id)
LEFT JOIN (SELECT slide_id, tiling_id, backbone, count(*) AS n_tiles FROM embeddings GROUP BY ALL) e
       USING (slide_id, tiling_id)
ORDER BY s.name, e.backbone;
