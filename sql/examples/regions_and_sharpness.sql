-- Annotated regions, tile coverage and sharpness (tessera annotations import, tessera tma dearray).
-- Tiles per slide and class, with how many are blurred (sharpness below the default threshold, 15).
SELECT s.name, r.class,
       count(*) AS tiles_touched,
       count(*) FILTER (WHERE r.fraction >= 0.5) AS tiles_half_covered,
       count(*) FILTER (WHERE r.fraction >= 0.5 AND q.sharpness < 15) AS of_which_blurred
FROM tile_regions r
JOIN slides s USING (slide_id)
LEFT JOIN tile_sharpness q USING (slide_id, tiling_id, tile_index)
GROUP BY ALL
ORDER BY s.name, r.class;

-- TMA cores per patient (a patient with several cores pools over them in the feature set tma_cores).
SELECT patient_id, count(*) AS cores, string_agg(label, ' ' ORDER BY label) AS labels
FROM tma_cores
WHERE found AND grid_row IS NOT NULL
GROUP BY ALL
ORDER BY cores DESC, patient_id;
