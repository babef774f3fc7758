package org.tessera.targets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tessera.store.Ids;
import org.tessera.text.TextTable;

/**
 * Sample id to patient id, as the store's catalogue names patients: an entry of the user's patient map
 * first, then the patient part of a TCGA barcode (TCGA-A1-A0SB-01A gives TCGA-A1-A0SB, as
 * {@link Ids#tcgaPatient}), else the sample id itself.
 */
final class PatientIds {
    private final Map<String, String> map;

    private PatientIds(Map<String, String> map) {
        this.map = Map.copyOf(map);
    }

    static PatientIds none() {
        return new PatientIds(Map.of());
    }

    /** Reads a CSV or TSV with a header naming a 'sample' (or sample_id) and a 'patient' (or patient_id) column. */
    static PatientIds load(Optional<Path> file) throws IOException {
        if (file.isEmpty()) {
            return none();
        }
        Path path = file.get().toAbsolutePath();
        TextTable table = TextTable.read(path);
        List<String> header = table.header().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        int sample = index(header, "sample", "sample_id");
        int patient = index(header, "patient", "patient_id");
        if (sample < 0 || patient < 0) {
            throw new ImportException(path + ": the patient map needs columns 'sample' and 'patient' (or sample_id, patient_id); header is "
                    + String.join(", ", table.header()));
        }
        if (table.rows().isEmpty()) {
            throw new ImportException(path + ": the patient map is empty");
        }
        Map<String, String> map = new HashMap<>();
        for (TextTable.Row row : table.rows()) {
            List<String> cells = row.cells();
            if (TextTable.isMissing(cells.get(sample)) || TextTable.isMissing(cells.get(patient))) {
                throw new ImportException(path + ": line " + row.line() + " (" + String.join(", ", cells) + ") lacks a sample or a patient");
            }
            String before = map.put(cells.get(sample), cells.get(patient));
            if (before != null && !before.equals(cells.get(patient))) {
                throw new ImportException(path + ": sample " + cells.get(sample) + " is mapped to both " + before + " and " + cells.get(patient));
            }
        }
        return new PatientIds(map);
    }

    private static int index(List<String> header, String... names) {
        for (String n : names) {
            if (header.contains(n)) {
                return header.indexOf(n);
            }
        }
        return -1;
    }

    boolean mapped(String sample) {
        return map.containsKey(sample);
    }

    String patientOf(String sample) {
        String m = map.get(sample);
        return m != null ? m : Ids.tcgaPatient(sample).orElse(sample);
    }
}
