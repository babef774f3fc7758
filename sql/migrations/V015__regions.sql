-- Tessera store, schema version 15: annotated regions, tile coverage, tile sharpness and tissue microarray cores.
-- Geometry is in level-0 pixels of the slide (x right, y down), as QuPath exports it.

-- One row per imported annotation file per slide. Importing a file with the same name again replaces its
-- annotations and the slide's coverage (tile_regions); embeddings are never touched.
CREATE TABLE IF NOT EXISTS annotation_sets (
    slide_id    VARCHAR NOT NULL,
    source      VARCHAR NOT NULL,          -- file name, e.g. 'B4-tumour.geojson', or 'tma-dearray'
    format      VARCHAR NOT NULL,          -- 'geojson', 'label-mask' or 'tma'
    sha256      VARCHAR NOT NULL,          -- of the file's content (or of the cores for 'tma')
    n_features  INTEGER NOT NULL,
    imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (slide_id, source)
);

-- One row per annotation (GeoJSON feature, label-mask class or TMA core). geometry is valid OGC WKT
-- (Polygon or MultiPolygon, holes included).
CREATE TABLE IF NOT EXISTS annotations (
    slide_id      VARCHAR NOT NULL,
    source        VARCHAR NOT NULL,
    annotation_id VARCHAR NOT NULL,        -- the feature's id (QuPath's UUID) or its 1-based position
    class         VARCHAR NOT NULL,        -- classification.name; 'Unclassified' when the feature has none
    name          VARCHAR,                 -- properties.name, when given
    area          DOUBLE NOT NULL,         -- level-0 pixels squared
    geometry      VARCHAR NOT NULL,        -- WKT
    PRIMARY KEY (slide_id, source, annotation_id)
);

-- Covered fraction of each tile by each class (union of the slide's annotations of that class), for every tile
-- grid of the slide; only fractions > 0 are stored. Recomputed when the slide's annotations change or a grid
-- is made.
CREATE TABLE IF NOT EXISTS tile_regions (
    slide_id   VARCHAR NOT NULL,
    tiling_id  VARCHAR NOT NULL,
    tile_index INTEGER NOT NULL,
    class      VARCHAR NOT NULL,
    fraction   DOUBLE NOT NULL,            -- area(tile & class) / area(tile), in (0, 1]
    PRIMARY KEY (slide_id, tiling_id, tile_index, class)
);

-- Sharpness of each kept tile: variance of the 3x3 Laplacian (0 1 0 / 1 -4 1 / 0 1 0) of the grey tile
-- (0.299 R + 0.587 G + 0.114 B, 0..255) at tile resolution, as EMO. Computed when the grid is made.
CREATE TABLE IF NOT EXISTS tile_sharpness (
    slide_id   VARCHAR NOT NULL,
    tiling_id  VARCHAR NOT NULL,
    tile_index INTEGER NOT NULL,
    sharpness  DOUBLE NOT NULL,
    PRIMARY KEY (slide_id, tiling_id, tile_index)
);

-- Tissue microarray cores found by 'tessera tma dearray': one row per found core (label NULL for an extra core
-- off the fitted grid) and per expected grid position with no core (found = false).
CREATE TABLE IF NOT EXISTS tma_cores (
    slide_id   VARCHAR NOT NULL,
    label      VARCHAR NOT NULL,           -- row letter + column number, e.g. 'C7'; 'extra-1'.. off the grid
    grid_row   INTEGER,                    -- 0-based, NULL for extra cores
    grid_col   INTEGER,
    found      BOOLEAN NOT NULL,
    x          DOUBLE NOT NULL,            -- core centre (found) or fitted grid position (missing), level 0
    y          DOUBLE NOT NULL,
    radius     DOUBLE NOT NULL,            -- equivalent-circle radius of the core's mask, level 0 (grid pitch/2 if missing)
    patient_id VARCHAR,                    -- from the core map, when given
    PRIMARY KEY (slide_id, label)
);
