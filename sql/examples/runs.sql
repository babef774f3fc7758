-- What each extraction run did, how fast, and what failed.
SELECT run_id, started_at, finished_at IS NULL AS interrupted, backbone, tiling_id, stain, device,
       slides_selected, slides_extracted, slides_skipped, slides_failed, tiles_embedded,
       round(tiles_per_second, 1) AS tiles_per_second, failures
FROM extraction_runs
ORDER BY run_id;
