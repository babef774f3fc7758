-- Tessera store, schema version 5: splits and training results.

-- Splits are made from patients before any target is looked at, and stored so that every head of an
-- experiment sees the same one. fold = -1 (role TEST) marks a held-out test unit.
CREATE TABLE IF NOT EXISTS splits (
    split_name VARCHAR NOT NULL,
    unit       VARCHAR NOT NULL,               -- what a row of the training matrix is (here: a patient)
    patient_id VARCHAR NOT NULL,
    fold       INTEGER NOT NULL,
    role       VARCHAR NOT NULL,               -- TRAIN or TEST
    kind       VARCHAR NOT NULL,
    seed       BIGINT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (split_name, unit)
);

CREATE SEQUENCE IF NOT EXISTS training_run_ids START 1;

-- One row per `tessera train` run: what was fitted on what, and with which split.
CREATE TABLE IF NOT EXISTS training_runs (
    run_id           INTEGER PRIMARY KEY DEFAULT nextval('training_run_ids'),
    head             VARCHAR NOT NULL,         -- aggregate-ridge, per-gene-ridge
    feature_set      VARCHAR NOT NULL,
    feature_sql      VARCHAR NOT NULL,
    targets_sql      VARCHAR NOT NULL,
    split_name       VARCHAR NOT NULL,
    n_units          INTEGER NOT NULL,
    n_features       INTEGER NOT NULL,
    n_genes          INTEGER NOT NULL,
    parameters       JSON NOT NULL,
    software_version VARCHAR NOT NULL,
    seconds          DOUBLE,
    created_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Per gene, out-of-fold (cross-validated) agreement between predicted and measured values.
CREATE TABLE IF NOT EXISTS gene_results (
    run_id       INTEGER NOT NULL,
    gene         VARCHAR NOT NULL,
    pearson_r    DOUBLE,
    pearson_p    DOUBLE,
    pearson_q    DOUBLE,                       -- Benjamini-Hochberg across the run's genes; p one-sided (r > 0)
    spearman_rho DOUBLE,
    spearman_p   DOUBLE,
    spearman_q   DOUBLE,
    r2_pred      DOUBLE,
    PRIMARY KEY (run_id, gene)
);
