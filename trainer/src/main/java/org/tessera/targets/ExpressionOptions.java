package org.tessera.targets;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How to import an expression matrix. The steps run in a fixed order, whatever the order of the options:
 * duplicates, missing values, samples without slides, then log2(1+x), gene filters, median re-centring,
 * standardisation.
 *
 * @param orientation       the file's layout, or empty to detect it from the ids
 * @param log2              apply log2(1+x) (hist2RNA's transform of RSEM values); negative values are an error
 * @param filter            genes to keep (computed after the log, before re-centring)
 * @param recentreTo        EMO's cross-cohort re-centring: subtract each gene's median in this file, add its
 *                          median in this earlier import (genes absent from it are dropped and reported)
 * @param standardise       per-gene z-score across the kept samples with the population standard deviation
 *                          (divisor n, as scikit-learn's StandardScaler); constant genes are dropped and reported
 * @param onDuplicate       what to do with a sample or gene id that appears more than once
 * @param missing           what to do with empty, NA or NaN cells
 * @param keepSamplesWithoutSlides keep samples whose patient has no slide in the store (always reported)
 * @param patientMap        a CSV or TSV of sample to patient ids (header with 'sample' and 'patient' or 'patient_id')
 */
public record ExpressionOptions(Optional<Orientation> orientation, boolean log2, GeneFilter filter, OptionalInt recentreTo,
        boolean standardise, DuplicatePolicy onDuplicate, MissingPolicy missing, boolean keepSamplesWithoutSlides,
        Optional<Path> patientMap) {

    /** A sample or gene id that appears more than once. */
    public enum DuplicatePolicy {
        /** Stop, naming the ids. */
        ERROR,
        /** Average the duplicates cell by cell (over their non-missing values). */
        MEAN,
        /** Keep the first occurrence in file order. */
        FIRST
    }

    /** Empty cells and cells reading NA, NaN, N/A or null (any case). */
    public enum MissingPolicy {
        /** Stop, naming the first missing cell and the count. */
        ERROR,
        /** Drop every gene with a missing value. */
        DROP_GENE,
        /** Drop every sample with a missing value. */
        DROP_SAMPLE
    }

    public ExpressionOptions {
        Objects.requireNonNull(orientation, "orientation");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(recentreTo, "recentreTo");
        Objects.requireNonNull(onDuplicate, "onDuplicate");
        Objects.requireNonNull(missing, "missing");
        Objects.requireNonNull(patientMap, "patientMap");
        if (recentreTo.isPresent() && recentreTo.getAsInt() < 1) {
            throw new IllegalArgumentException("recentre-to must name an import id (>= 1), got " + recentreTo.getAsInt());
        }
    }

    /** No transform, no filter, detected orientation, errors on duplicates and missing values, samples without slides kept. */
    public static ExpressionOptions defaults() {
        return new ExpressionOptions(Optional.empty(), false, GeneFilter.none(), OptionalInt.empty(), false, DuplicatePolicy.ERROR,
                MissingPolicy.ERROR, true, Optional.empty());
    }

    public ExpressionOptions withOrientation(Orientation o) {
        return new ExpressionOptions(Optional.of(o), log2, filter, recentreTo, standardise, onDuplicate, missing, keepSamplesWithoutSlides, patientMap);
    }

    public ExpressionOptions withLog2(boolean on) {
        return new ExpressionOptions(orientation, on, filter, recentreTo, standardise, onDuplicate, missing, keepSamplesWithoutSlides, patientMap);
    }

    public ExpressionOptions withFilter(GeneFilter f) {
        return new ExpressionOptions(orientation, log2, f, recentreTo, standardise, onDuplicate, missing, keepSamplesWithoutSlides, patientMap);
    }

    public ExpressionOptions withRecentreTo(int importId) {
        return new ExpressionOptions(orientation, log2, filter, OptionalInt.of(importId), standardise, onDuplicate, missing,
                keepSamplesWithoutSlides, patientMap);
    }

    public ExpressionOptions withStandardise(boolean on) {
        return new ExpressionOptions(orientation, log2, filter, recentreTo, on, onDuplicate, missing, keepSamplesWithoutSlides, patientMap);
    }

    public ExpressionOptions withOnDuplicate(DuplicatePolicy p) {
        return new ExpressionOptions(orientation, log2, filter, recentreTo, standardise, p, missing, keepSamplesWithoutSlides, patientMap);
    }

    public ExpressionOptions withMissing(MissingPolicy p) {
        return new ExpressionOptions(orientation, log2, filter, recentreTo, standardise, onDuplicate, p, keepSamplesWithoutSlides, patientMap);
    }

    public ExpressionOptions withKeepSamplesWithoutSlides(boolean keep) {
        return new ExpressionOptions(orientation, log2, filter, recentreTo, standardise, onDuplicate, missing, keep, patientMap);
    }

    public ExpressionOptions withPatientMap(Path map) {
        return new ExpressionOptions(orientation, log2, filter, recentreTo, standardise, onDuplicate, missing, keepSamplesWithoutSlides,
                Optional.of(map));
    }

    /** The applied steps in order, as stored in {@code expression_imports.transform}. */
    public String transformLabel() {
        java.util.List<String> steps = new java.util.ArrayList<>();
        if (log2) {
            steps.add("log2(1+x)");
        }
        recentreTo.ifPresent(id -> steps.add("recentre(median to import " + id + ")"));
        if (standardise) {
            steps.add("zscore(population sd)");
        }
        return steps.isEmpty() ? "none" : String.join(", ", steps);
    }
}
