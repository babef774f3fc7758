package org.tessera.spatial;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.tessera.store.FeatureStore;

/**
 * The HER2ST data set (Andersson et al. 2021, legacy ST) as bundled in {@code shared/her2st}: its sections, its
 * pixel size and spot pitch and where its files lie, stated here once for the demo, the spot benchmark, the
 * pseudo-bulk training and the tests.
 */
public final class Her2st {
    /** The six sections in the shared folder: patient B's B4 and patient C's C2 to C6. */
    public static final List<String> SECTIONS = List.of("B4", "C2", "C3", "C4", "C5", "C6");
    /** Patient C's sections, the leave-one-section-out set. */
    public static final List<String> PATIENT_C = List.of("C2", "C3", "C4", "C5", "C6");
    /** The images state no pixel size: the 200 um spot pitch over about 290 px gives about 0.69 um/px. */
    public static final double MPP = 0.69;
    /** Centre-to-centre distance of legacy ST spots, micrometres. */
    public static final double PITCH_UM = 200;

    private Her2st() {
    }

    public static Path counts(Path shared, String section) {
        return shared.resolve("her2st/counts/" + section + ".tsv.gz");
    }

    public static Path spots(Path shared, String section) {
        return shared.resolve("her2st/spots/" + section + "_selection.tsv");
    }

    public static Path image(Path shared, String section) {
        return shared.resolve("her2st/images/" + section + ".jpg");
    }

    /** The patient id a section's image is registered under: HER2ST-B or HER2ST-C. */
    public static String patient(String section) {
        return "HER2ST-" + section.charAt(0);
    }

    /** Reads a section's counts and selected spots. */
    public static Section read(Path shared, String section) throws IOException {
        return LegacyStReader.read(section, counts(shared, section), spots(shared, section));
    }

    /** Imports (log1p CP10k, the image at {@link #MPP}) the sections not yet in the store; returns what it imported. */
    public static List<StImport.Result> importMissing(FeatureStore store, Path shared) throws IOException, SQLException {
        Set<String> present = new HashSet<>();
        try (Statement st = store.connection().createStatement(); ResultSet r = st.executeQuery("SELECT section FROM st_sections")) {
            while (r.next()) {
                present.add(r.getString(1));
            }
        }
        List<StImport.Result> imported = new ArrayList<>();
        for (String section : SECTIONS) {
            if (!present.contains(section)) {
                imported.add(StImport.run(store, StImport.Source.legacy(section, counts(shared, section), spots(shared, section)),
                        new StImport.Options(Normalisation.CP10K_LOG1P, OptionalDouble.of(MPP), PITCH_UM,
                                Optional.of(image(shared, section)), Optional.of(patient(section)), Optional.of("HER2ST"))));
            }
        }
        return imported;
    }
}
