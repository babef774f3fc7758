package org.tessera.tma;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tessera.regions.AnnotationException;
import org.tessera.text.TextTable;

/**
 * A core map as TMA makers ship it: a CSV (or TSV, read by {@link TextTable}) with a header, one row per core, giving its position label and
 * the patient, e.g. {@code core,patient} / {@code C7,P-0413}. The label column is named core, label or position;
 * the patient column patient, patient_id or case. Labels are compared in canonical form ("c07" is C7). A patient
 * may have several cores; a label may appear once.
 */
public final class CoreMap {
    private static final List<String> LABEL = List.of("core", "label", "position");
    private static final List<String> PATIENT = List.of("patient", "patient_id", "case");

    private CoreMap() {
    }

    /** Label to patient, in file order. */
    public static Map<String, String> read(Path file) throws IOException {
        TextTable table = TextTable.read(file);
        List<String> header = table.header().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int label = column(file, header, LABEL);
        int patient = column(file, header, PATIENT);
        Map<String, String> out = new LinkedHashMap<>();
        for (TextTable.Row row : table.rows()) {
            String core = CoreLabel.normalise(row.get(label));
            String who = row.get(patient).strip();
            if (core.isEmpty() || who.isEmpty()) {
                throw new AnnotationException(file + ": line " + row.line() + ": empty core label or patient");
            }
            if (out.put(core, who) != null) {
                throw new AnnotationException(file + ": line " + row.line() + ": core " + core + " is listed twice");
            }
        }
        return out;
    }

    private static int column(Path file, List<String> header, List<String> names) throws AnnotationException {
        for (String n : names) {
            int i = header.indexOf(n);
            if (i >= 0) {
                return i;
            }
        }
        throw new AnnotationException(file + ": no column named " + String.join(", ", names) + " in the header " + header);
    }
}
