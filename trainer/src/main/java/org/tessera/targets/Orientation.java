package org.tessera.targets;

import java.util.Locale;

/** How an expression matrix lies in its file: one gene per row (the usual bulk RNA-seq export) or one sample per row. */
public enum Orientation {
    /** Rows are genes, the header holds sample ids (cBioPortal, GEO, most count matrices). */
    GENES_BY_SAMPLES("genes x samples"),
    /** Rows are samples, the header holds gene symbols (hist2RNA's pam50_expression.csv, ST spot tables). */
    SAMPLES_BY_GENES("samples x genes");

    private final String label;

    Orientation(String label) {
        this.label = label;
    }

    /** As stored in {@code expression_imports.orientation}. */
    public String label() {
        return label;
    }

    /** Accepts the label or the CLI spelling: {@code genes-x-samples}, {@code samples-x-genes}, {@code genes_by_samples}. */
    public static Orientation parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ").replace(" by ", " x ");
        for (Orientation o : values()) {
            if (o.label.equals(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("orientation '" + text + "': expected genes-x-samples or samples-x-genes");
    }
}
