package org.tessera.subtype;

/**
 * How {@link Pam50#classify} treats its input.
 *
 * @param medianCentre subtract from each PAM50 gene its median over all samples of the matrix before
 *                     correlating (median of n values: the middle one for odd n, the mean of the two middle
 *                     ones for even n, as numpy.median). This is the gene-wise median centring of Parker et
 *                     al. (2009)'s reference PAM50 script, which assumes a cohort whose subtype mix resembles
 *                     the training set. It is NOT genefu's {@code std} option, which offers "none", "scale"
 *                     (mean 0, sd 1 per gene) and "robust" (rescaling to the 5%/95% quantiles); neither of
 *                     those is implemented. With {@code false} the values are correlated as given, which is
 *                     genefu's {@code std = "none"}.
 * @param minGenes     the fewest of the 50 genes that must be present in the matrix, in 1..50
 */
public record Pam50Options(boolean medianCentre, int minGenes) {
    /** The default minimum: 40 of the 50 genes. */
    public static final int DEFAULT_MIN_GENES = 40;

    public Pam50Options {
        if (minGenes < 3 || minGenes > 50) {
            // 3 is the fewest values a Spearman correlation is defined on here
            throw new IllegalArgumentException("minGenes must be in 3..50: " + minGenes);
        }
    }

    public static Pam50Options asGiven() {
        return new Pam50Options(false, DEFAULT_MIN_GENES);
    }

    public static Pam50Options medianCentred() {
        return new Pam50Options(true, DEFAULT_MIN_GENES);
    }
}
