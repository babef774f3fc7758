package org.tessera.subtype;

import java.util.List;

/**
 * PAM50 calls for every sample of a matrix, in matrix order, with the genes they rest on.
 *
 * @param calls        one per sample
 * @param genesUsed    the PAM50 genes found (genefu symbols), in centroid order
 * @param missingGenes the PAM50 genes absent from the matrix under both symbols (genefu symbols)
 * @param options      the options applied
 */
public record Pam50Classification(List<Pam50Call> calls, List<String> genesUsed, List<String> missingGenes,
                                  Pam50Options options) {
    public Pam50Classification {
        calls = List.copyOf(calls);
        genesUsed = List.copyOf(genesUsed);
        missingGenes = List.copyOf(missingGenes);
        java.util.Objects.requireNonNull(options, "options");
    }

    /** The subtypes alone, in sample order. */
    public List<Subtype> subtypes() {
        return calls.stream().map(Pam50Call::subtype).toList();
    }
}
