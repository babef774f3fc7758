-- Model bundles applied to this store, and their slide-level predictions.
-- A bundle is identified by the sha256 of its bundle.json (which records the sha256 of its weights), so the
-- same bundle scored twice, or from another folder, has one id. Predictions are on the scale of the bundle's
-- target transforms (see its bundle.json). Scoring a slide again with the same bundle replaces its rows.

CREATE TABLE IF NOT EXISTS bundles (
    bundle_id      VARCHAR PRIMARY KEY,       -- sha256 of bundle.json
    kind           VARCHAR NOT NULL,          -- 'aggregate-ridge' or 'per-gene-ridge'
    backbone       VARCHAR NOT NULL,
    weights_sha256 VARCHAR NOT NULL,          -- of the backbone
    tiling_id      VARCHAR NOT NULL,
    stain          VARCHAR NOT NULL,
    feature_set    VARCHAR NOT NULL,
    genes          INTEGER NOT NULL,
    manifest       JSON NOT NULL,             -- the whole bundle.json
    first_scored_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Long form: one row per bundle x slide x gene.
CREATE TABLE IF NOT EXISTS predictions (
    bundle_id  VARCHAR NOT NULL,
    slide_id   VARCHAR NOT NULL,
    patient_id VARCHAR,
    gene       VARCHAR NOT NULL,
    predicted  DOUBLE NOT NULL,
    scored_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (bundle_id, slide_id, gene)
);
