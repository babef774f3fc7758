package org.tessera.targets;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.tessera.store.Ids;

/**
 * Tells genes x samples from samples x genes by what the ids look like. A sample id is a TCGA barcode, a
 * key of the patient map or a patient already in the store; a gene id is an Ensembl id. The side (header
 * cells or first-column values) where at least half the ids are sample ids, and the other side not, holds
 * the samples; failing that, Ensembl ids mark the genes; failing that, the first header cell's name
 * ('Hugo_Symbol', 'gene', ... or 'PATIENT_ID', 'sample', ...). Gene symbols have no reliable shape of their
 * own (MIA, T, SEPT9), so they are never the evidence. When nothing decides, the import stops and asks for
 * {@code --orientation}.
 *
 * @param orientation the layout
 * @param reason      the evidence, for the summary
 */
public record OrientationGuess(Orientation orientation, String reason) {
    public OrientationGuess {
        java.util.Objects.requireNonNull(orientation, "orientation");
        java.util.Objects.requireNonNull(reason, "reason");
    }

    private static final Pattern ENSEMBL = Pattern.compile("^ENS[A-Z]*[GT]\\d{6,}(\\.\\d+)?$");
    private static final Set<String> GENE_HEADERS = Set.of("gene", "genes", "gene_id", "gene_symbol", "gene_name", "symbol",
            "hugo_symbol", "ensembl_id", "ensembl_gene_id", "entrez_gene_id", "feature", "features");
    private static final Set<String> SAMPLE_HEADERS = Set.of("sample", "samples", "sample_id", "patient", "patient_id", "barcode",
            "case_id", "submitter_id", "spot", "spot_id", "bcr_patient_barcode", "sample_barcode");

    static OrientationGuess given(Orientation o) {
        return new OrientationGuess(o, "given");
    }

    static OrientationGuess detect(Path file, List<String> header, List<String> firstColumn, Predicate<String> knownSample)
            throws ImportException {
        List<String> headerIds = header.subList(1, header.size());
        Predicate<String> sample = id -> Ids.tcgaPatient(id).isPresent() || knownSample.test(id);
        Predicate<String> gene = id -> ENSEMBL.matcher(id.strip()).matches();
        long sampleHeader = count(headerIds, sample);
        long sampleColumn = count(firstColumn, sample);
        boolean headerSamples = 2 * sampleHeader >= headerIds.size();
        boolean columnSamples = !firstColumn.isEmpty() && 2 * sampleColumn >= firstColumn.size();
        if (headerSamples && !columnSamples) {
            return new OrientationGuess(Orientation.GENES_BY_SAMPLES,
                    sampleHeader + " of " + headerIds.size() + " header cells are sample ids (TCGA barcodes, patient-map entries or patients in the store)");
        }
        if (columnSamples && !headerSamples) {
            return new OrientationGuess(Orientation.SAMPLES_BY_GENES,
                    sampleColumn + " of " + firstColumn.size() + " first-column values are sample ids (TCGA barcodes, patient-map entries or patients in the store)");
        }
        long geneHeader = count(headerIds, gene);
        long geneColumn = count(firstColumn, gene);
        if (2 * geneHeader >= headerIds.size() && 2 * geneColumn < firstColumn.size()) {
            return new OrientationGuess(Orientation.SAMPLES_BY_GENES, geneHeader + " of " + headerIds.size() + " header cells are Ensembl ids");
        }
        if (!firstColumn.isEmpty() && 2 * geneColumn >= firstColumn.size() && 2 * geneHeader < headerIds.size()) {
            return new OrientationGuess(Orientation.GENES_BY_SAMPLES, geneColumn + " of " + firstColumn.size() + " first-column values are Ensembl ids");
        }
        String first = header.get(0).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (GENE_HEADERS.contains(first)) {
            return new OrientationGuess(Orientation.GENES_BY_SAMPLES, "the first header cell is '" + header.get(0) + "'");
        }
        if (SAMPLE_HEADERS.contains(first)) {
            return new OrientationGuess(Orientation.SAMPLES_BY_GENES, "the first header cell is '" + header.get(0) + "'");
        }
        throw new ImportException(file + ": cannot tell whether rows are genes or samples (" + sampleHeader + " of " + headerIds.size()
                + " header cells and " + sampleColumn + " of " + firstColumn.size() + " first-column values look like sample ids; "
                + "first header cell '" + header.get(0) + "'); give --orientation genes-x-samples or samples-x-genes");
    }

    private static long count(List<String> ids, Predicate<String> p) {
        return ids.stream().filter(id -> id != null && p.test(id)).count();
    }
}
