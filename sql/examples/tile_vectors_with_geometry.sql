-- Tile embeddings with their level-0 rectangles, e.g. for maps; one slide, one backbone.
SELECT t.tile_index, t.col, t."row", t.x, t.y, t.width, t.height, t.tissue_fraction, t.vector
FROM tile_embeddings t
JOIN slides s USING (slide_id)
WHERE s.name = 'C2' AND t.backbone = 'mobilenet_v2_imagenet'
ORDER BY t.tile_index;
