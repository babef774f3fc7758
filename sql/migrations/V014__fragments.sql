-- Tessera store, schema version 14: stores extracted on many machines and merged ('tessera store merge').
-- Each store has an identity, drawn when it is created (or first opened by this version), so a run merged
-- from a fragment is recognised when the fragment is merged again (merging twice changes nothing).
CREATE TABLE IF NOT EXISTS store_identity (
    store_id VARCHAR PRIMARY KEY
);
INSERT INTO store_identity SELECT uuid()::VARCHAR WHERE NOT EXISTS (SELECT 1 FROM store_identity);

-- Where a merged extraction run came from: the store it was run in and its run id there. Runs are
-- renumbered on merge (embedding_sets.run_id follows); runs extracted in this store have no row here.
CREATE TABLE IF NOT EXISTS run_origins (
    run_id        INTEGER PRIMARY KEY,        -- extraction_runs.run_id in this store
    origin_store  VARCHAR NOT NULL,           -- store_identity.store_id of the store that ran it
    origin_run_id INTEGER NOT NULL,           -- its run id there
    fragment      VARCHAR NOT NULL,           -- path of the fragment it was merged from (absolute)
    UNIQUE (origin_store, origin_run_id)
);

-- Fragments merged into this store, one row per fragment identity (the first merge's path and time).
CREATE TABLE IF NOT EXISTS merged_fragments (
    store_id   VARCHAR PRIMARY KEY,
    path       VARCHAR NOT NULL,              -- absolute, as given to 'tessera store merge'
    merged_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
