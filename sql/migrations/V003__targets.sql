-- Tessera store, schema version 3: targets (bulk expression and clinical data) next to the embeddings.
-- Written by 'tessera import expression' and 'tessera import clinical' (org.tessera.targets).
-- patient_id is the catalogue's patient id (TCGA barcodes are cut to the patient, TCGA-XX-XXXX), so
-- targets join slides and slide_embeddings_mean on patient_id.

CREATE SEQUENCE IF NOT EXISTS expression_import_ids START 1;

-- One row per imported expression file x options. Re-importing the same file (same sha256) with the same
-- options replaces the import under the same import_id.
CREATE TABLE IF NOT EXISTS expression_imports (
    import_id    INTEGER PRIMARY KEY,
    source       VARCHAR NOT NULL,            -- the file's absolute path when imported
    file_sha256  VARCHAR NOT NULL,
    orientation  VARCHAR NOT NULL,            -- 'genes x samples' or 'samples x genes' (as read from the file)
    transform    VARCHAR NOT NULL,            -- applied steps in order, e.g. 'log2(1+x), zscore(population sd)', or 'none'
    filters      JSON NOT NULL,               -- gene filters: {"min_variance": ..., "top": ..., "by": ...}
    options      JSON NOT NULL,               -- every option; with file_sha256 the identity of the import
    n_samples    INTEGER NOT NULL,
    n_genes      INTEGER NOT NULL,
    exclusions   JSON NOT NULL,               -- [{"reason", "action", "count", "ids"}]: what was dropped, merged or only reported
    imported_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- Long form: one row per sample x gene of an import. No primary key (an index over tens of millions of rows
-- costs more than it guards): the importer writes each (import_id, sample, gene) once.
CREATE TABLE IF NOT EXISTS expression (
    sample      VARCHAR NOT NULL,             -- the id as in the file
    patient_id  VARCHAR NOT NULL,             -- TCGA patient, --patient-map entry, or the sample id itself
    gene        VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,              -- after the import's transform
    import_id   INTEGER NOT NULL
);

-- The table 'clinical' (one row per patient_id, the file's columns in snake_case) is created by each
-- clinical import, replacing the previous one; this log records every import, the newest being current.
CREATE SEQUENCE IF NOT EXISTS clinical_import_ids START 1;

CREATE TABLE IF NOT EXISTS clinical_imports (
    import_id    INTEGER PRIMARY KEY DEFAULT nextval('clinical_import_ids'),
    source       VARCHAR NOT NULL,
    file_sha256  VARCHAR NOT NULL,
    patient_column VARCHAR NOT NULL,          -- the file's column the patient ids came from
    n_patients   INTEGER NOT NULL,
    columns      JSON NOT NULL,               -- [{"name", "header", "type"}] in file order
    imported_at  TIMESTAMP NOT NULL DEFAULT current_timestamp
);
