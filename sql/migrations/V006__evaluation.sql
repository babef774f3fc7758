-- Tessera store, schema version 6: multiple-testing adjustments, EMO's selection on a held-out test set,
-- and per-unit (per-patient) agreement across genes.

-- gene_results keeps one row per (run, gene). Its V005 columns are the VALIDATION metrics: out-of-fold
-- predictions on the cross-validation pool (every unit when the split has no test set). The columns below
-- add the family-wise adjustments of the validation Spearman p (one-sided, over the genes whose p is
-- defined), EMO's selection (validation R2 > 0.2 and Spearman BH q < 0.001), and the TEST metrics: the head
-- refitted on the whole pool and applied to the held-out patients (NULL when the split has no test set).
-- A selected gene is confirmed when its one-sided test Spearman p < 0.05 / (number of selected genes).
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS spearman_p_bonferroni DOUBLE;
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS spearman_p_holm DOUBLE;
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS selected BOOLEAN;
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS confirmed BOOLEAN;
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS test_pearson_r DOUBLE;
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS test_pearson_p DOUBLE;
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS test_spearman_rho DOUBLE;
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS test_spearman_p DOUBLE;
ALTER TABLE gene_results ADD COLUMN IF NOT EXISTS test_r2_pred DOUBLE;

-- hist2RNA's "correlation across patients": per unit, predicted against measured over the run's genes.
-- evaluation is 'validation' (out-of-fold prediction of a pool unit) or 'test' (refitted head, test unit).
CREATE TABLE IF NOT EXISTS unit_results (
    run_id       INTEGER NOT NULL,
    unit         VARCHAR NOT NULL,
    evaluation   VARCHAR NOT NULL,
    spearman_rho DOUBLE,                       -- NULL when predictions or measurements are constant
    pearson_r    DOUBLE,
    PRIMARY KEY (run_id, unit)
);

-- PathoMCH's tile classifier (`tessera train tile-classifier`): the run is a training_runs row (head
-- 'tile-classifier', n_genes 1, the trait in parameters). Per slide: its trait value, percentile band
-- (a org.tessera.heads.tile.TraitBand name: LOW, NEAR_LOW, MIDDLE, NEAR_HIGH, HIGH), the part it played (a SlideSet name),
-- the fraction of its tiles predicted positive by each split's model (in split order) and by the ensemble.
CREATE TABLE IF NOT EXISTS tile_class_scores (
    run_id         INTEGER NOT NULL,
    slide_id       VARCHAR NOT NULL,
    patient_id     VARCHAR NOT NULL,
    trait          DOUBLE NOT NULL,
    band           VARCHAR NOT NULL,
    slide_set      VARCHAR NOT NULL,
    split_scores   DOUBLE[] NOT NULL,
    ensemble_score DOUBLE NOT NULL,
    tiles          INTEGER NOT NULL,
    PRIMARY KEY (run_id, slide_id)
);

-- Per tile, the ensemble's call (for maps): the mean probability of its models and the majority vote.
CREATE TABLE IF NOT EXISTS tile_class_predictions (
    run_id      INTEGER NOT NULL,
    slide_id    VARCHAR NOT NULL,
    tile_index  INTEGER NOT NULL,
    probability DOUBLE NOT NULL,
    vote        BOOLEAN NOT NULL,
    PRIMARY KEY (run_id, slide_id, tile_index)
);
