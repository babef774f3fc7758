-- Tessera store, schema version 1: the catalogue.
-- Joins are by the id columns; there are no FOREIGN KEY constraints because DuckDB refuses to update
-- a referenced row (a slide's path, a patient's cohort), which the catalogue must do.
-- Identity is content, never paths: a slide is its fingerprint (OpenSlide quickhash-1, or the sha256 of
-- the file for plain images); a tiling is its spec; a backbone's embeddings are keyed by the sha256 of
-- its weights. Geometry is in level-0 pixels of the slide; pixel sizes in micrometres per pixel.

CREATE TABLE IF NOT EXISTS cohorts (
    cohort      VARCHAR PRIMARY KEY,
    description VARCHAR
);

CREATE TABLE IF NOT EXISTS patients (
    patient_id VARCHAR PRIMARY KEY,           -- e.g. TCGA-CR-7395 (parsed from TCGA barcodes)
    cohort     VARCHAR
);

CREATE TABLE IF NOT EXISTS slides (
    slide_id        VARCHAR PRIMARY KEY,      -- 's' + 15 hex of sha256(fingerprint): stable, content-derived
    fingerprint     VARCHAR NOT NULL UNIQUE,  -- 'quickhash1:...' or 'sha256:...'
    name            VARCHAR NOT NULL,         -- file name (without extension) when first added
    path            VARCHAR NOT NULL,         -- last path it was seen at (absolute)
    vendor          VARCHAR NOT NULL,
    mpp             DOUBLE NOT NULL,          -- um per level-0 pixel
    mpp_source      VARCHAR NOT NULL,         -- 'file' or 'user'
    objective_power DOUBLE,
    width           BIGINT NOT NULL,          -- level-0 pixels
    height          BIGINT NOT NULL,
    levels          INTEGER NOT NULL,
    patient_id      VARCHAR,
    cohort          VARCHAR,
    file_bytes      BIGINT,
    added_at        TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Every path a slide has been seen at: a renamed or moved copy maps to the same slide.
CREATE TABLE IF NOT EXISTS slide_files (
    path       VARCHAR PRIMARY KEY,
    slide_id   VARCHAR NOT NULL,
    seen_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS tilings (
    tiling_id      VARCHAR PRIMARY KEY,       -- 't' + 11 hex of sha256(spec key + tissue method)
    tile_px        INTEGER NOT NULL,
    mpp            DOUBLE NOT NULL,           -- target um per pixel of a tile
    stride_px      INTEGER NOT NULL,
    min_tissue     DOUBLE NOT NULL,
    tissue_method  VARCHAR NOT NULL,
    spec_key       VARCHAR NOT NULL
);

-- One row per slide x tiling once its grid is complete; tiles are written in the same transaction.
CREATE TABLE IF NOT EXISTS tile_grids (
    slide_id        VARCHAR NOT NULL,
    tiling_id       VARCHAR NOT NULL,
    columns         INTEGER NOT NULL,         -- full grid, before dropping background tiles
    rows            INTEGER NOT NULL,
    n_tiles         INTEGER NOT NULL,         -- kept tiles
    tissue_fraction DOUBLE NOT NULL,          -- of the whole slide
    read_level      INTEGER NOT NULL,         -- pyramid level tiles are read from
    preview_path    VARCHAR,                  -- relative to the store
    created_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (slide_id, tiling_id)
);

-- Kept tiles. tile_index = row * columns + col (row-major over the full grid, row 0 at the top).
CREATE TABLE IF NOT EXISTS tiles (
    slide_id        VARCHAR NOT NULL,
    tiling_id       VARCHAR NOT NULL,
    tile_index      INTEGER NOT NULL,
    col             INTEGER NOT NULL,
    "row"           INTEGER NOT NULL,
    x               BIGINT NOT NULL,          -- level-0 rectangle
    y               BIGINT NOT NULL,
    width           BIGINT NOT NULL,
    height          BIGINT NOT NULL,
    tissue_fraction DOUBLE NOT NULL,
    PRIMARY KEY (slide_id, tiling_id, tile_index)
);

CREATE TABLE IF NOT EXISTS backbones (
    backbone       VARCHAR PRIMARY KEY,       -- card name, e.g. mobilenet_v2_imagenet
    weights_sha256 VARCHAR NOT NULL,
    dimension      INTEGER NOT NULL,
    input_size     INTEGER NOT NULL,
    model_path     VARCHAR NOT NULL,          -- where the .onnx was when added (absolute)
    card           JSON NOT NULL,             -- the whole backbone card
    added_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE SEQUENCE IF NOT EXISTS extraction_run_ids START 1;

CREATE TABLE IF NOT EXISTS extraction_runs (
    run_id           INTEGER PRIMARY KEY DEFAULT nextval('extraction_run_ids'),
    started_at       TIMESTAMP NOT NULL,
    finished_at      TIMESTAMP,               -- NULL: the run was interrupted
    backbone         VARCHAR NOT NULL,
    weights_sha256   VARCHAR NOT NULL,
    tiling_id        VARCHAR NOT NULL,
    stain            VARCHAR NOT NULL,
    device           VARCHAR NOT NULL,
    batch_size       INTEGER NOT NULL,
    software_version VARCHAR NOT NULL,
    parameters       JSON NOT NULL,
    slides_selected  INTEGER,
    slides_extracted INTEGER,
    slides_skipped   INTEGER,                 -- already in the store: no inference
    slides_failed    INTEGER,
    tiles_embedded   BIGINT,
    seconds          DOUBLE,
    tiles_per_second DOUBLE,
    failures         JSON                     -- [{"slide": path, "error": message}]
);

-- One row per immutable embedding file set; written after its folder was moved into place.
CREATE TABLE IF NOT EXISTS embedding_sets (
    slide_id       VARCHAR NOT NULL,
    tiling_id      VARCHAR NOT NULL,
    weights_sha256 VARCHAR NOT NULL,
    stain          VARCHAR NOT NULL,          -- 'none' or e.g. 'macenko(Io=240,alpha=1,beta=0.15)'
    n_tiles        INTEGER NOT NULL,
    dimension      INTEGER NOT NULL,
    path           VARCHAR NOT NULL,          -- folder, relative to the store
    mean_vector    FLOAT[] NOT NULL,          -- mean over the slide's tiles (double accumulation)
    run_id         INTEGER,
    seconds        DOUBLE,
    created_at     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (slide_id, tiling_id, weights_sha256, stain)
);
