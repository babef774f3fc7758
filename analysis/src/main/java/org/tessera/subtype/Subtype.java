package org.tessera.subtype;

/**
 * The five PAM50 intrinsic subtypes, in the column order of genefu's centroid tables. That order also breaks
 * ties: when two centroids correlate equally the earlier one wins (as numpy's argmax does).
 */
public enum Subtype {
    BASAL("Basal"), HER2("Her2"), LUMA("LumA"), LUMB("LumB"), NORMAL("Normal");

    private final String label;

    Subtype(String label) {
        this.label = label;
    }

    /** The name used in genefu's centroid header and in TCGA's Subtype column after "BRCA_". */
    public String label() {
        return label;
    }

    /** The subtype whose label is exactly {@code label} (case-sensitive, as in the centroid header). */
    public static Subtype ofLabel(String label) {
        for (Subtype s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown PAM50 subtype label: '" + label + "' (expected Basal, Her2,"
                + " LumA, LumB or Normal)");
    }
}
