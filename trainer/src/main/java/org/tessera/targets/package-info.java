/**
 * Targets in the store: bulk expression and clinical tables imported next to the embeddings, so that a
 * head's targets and a feature set meet in one SQL join on {@code patient_id}.
 *
 * <p>{@link org.tessera.targets.ExpressionImporter} reads a CSV, TSV or Parquet matrix in either
 * orientation (detected from the ids, or given), checks it (duplicated ids, non-numeric cells, missing
 * values, negative values under a log), maps sample ids to patients, applies the chosen transform and gene
 * filters in a fixed order and writes the long table {@code expression} plus one row of
 * {@code expression_imports} recording the file's sha256, the options and everything excluded.
 * {@link org.tessera.targets.ClinicalImporter} replaces the table {@code clinical} (one row per patient,
 * the file's columns in snake_case). The heavy lifting (reading, wide-to-long, statistics) runs inside
 * DuckDB; Java only decides and reports. Schema: {@code sql/migrations/V003__targets.sql}.
 */
package org.tessera.targets;
