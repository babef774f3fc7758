-- Tessera store, schema version 7: tile-level predictions (EMO's tile model), for maps.
-- Each tile's value is predicted by the fold model that did not see its slide (out-of-fold).
CREATE TABLE IF NOT EXISTS tile_predictions (
    run_id     INTEGER NOT NULL,
    slide_id   VARCHAR NOT NULL,
    tile_index INTEGER NOT NULL,
    gene       VARCHAR NOT NULL,
    predicted  DOUBLE NOT NULL
);
