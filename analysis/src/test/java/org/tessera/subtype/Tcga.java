package org.tessera.subtype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tessera.testkit.Shared;

/** Shared test inputs: the PAM50 model from signatures/ and the TCGA-BRCA table on the log2(1 + RSEM) scale. */
final class Tcga {
    private Tcga() {
    }

    static Pam50 model() {
        return Pam50.load(Shared.path("signatures/pam50_centroids.csv"), Shared.path("signatures/pam50_genes.tsv"));
    }

    static List<Pam50Gene> genes() {
        return Pam50Genes.read(Shared.path("signatures/pam50_genes.tsv"));
    }

    /** log2(1 + x) of tcga-brca/pam50_expression.csv, rows in file order. */
    static ExpressionMatrix log2Expression() {
        return ExpressionCsv.read(Shared.path("tcga-brca/pam50_expression.csv")).log2OnePlus();
    }

    /** Patient ID -> published Subtype without "BRCA_" (Basal, Her2, LumA, LumB, Normal); unlabelled skipped. */
    static Map<String, String> publishedSubtypes() {
        Path tsv = Shared.path("tcga-brca/clinical_pancan_atlas_2018.tsv");
        try {
            List<String> lines = Files.readAllLines(tsv);
            List<String> header = List.of(lines.getFirst().split("\t", -1));
            int id = header.indexOf("Patient ID");
            int sub = header.indexOf("Subtype");
            Map<String, String> out = new HashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] c = line.split("\t", -1);
                if (c.length > sub && c[sub].startsWith("BRCA_")) {
                    out.put(c[id], c[sub].substring("BRCA_".length()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
