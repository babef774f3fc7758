package org.tessera.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tessera.store.FeatureStore;
import org.tessera.testkit.Shared;

/**
 * HER2ST sections put into a store the way 'tessera import st' will: the image registered as a slide at
 * 0.69 um/px, a st_sections row and the selected spots (selected == 1 in the real selection file).
 */
final class Her2stSpots {
    static final double MPP = org.tessera.spatial.Her2st.MPP;

    /** A selected spot of a selection file: array x, y and pixel centre. */
    record Row(int x, int y, double pixelX, double pixelY) {
        String spotId() {
            return x + "x" + y;
        }
    }

    private Her2stSpots() {
    }

    static List<Row> selected(String section) throws IOException {
        Path file = Shared.path("her2st/spots/" + section + "_selection.tsv");
        List<Row> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length == 7 && f[6].strip().equals("1")) {
                out.add(new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        }
        return out;
    }

    /** Adds the section's image and its first {@code limit} selected spots; returns the image's slide id. */
    static String add(FeatureStore store, String section, int limit) throws Exception {
        Path image = Shared.path("her2st/images/" + section + ".jpg");
        SlideImporter.Report r = SlideImporter.add(store, List.of(new SlideImporter.Entry(image, OptionalDouble.of(MPP),
                Optional.of(section.substring(0, 1)), Optional.of("HER2ST"))));
        if (!r.failures().isEmpty()) {
            throw new AssertionError("adding " + image + " failed: " + r.failures());
        }
        String slideId = r.added().get(0).slide().slideId();
        List<Row> spots = selected(section);
        spots = spots.subList(0, Math.min(limit, spots.size()));
        insert(store, section, slideId, image, spots);
        return slideId;
    }

    static void insert(FeatureStore store, String section, String slideId, Path image, List<Row> spots) throws SQLException {
        try (PreparedStatement p = store.connection().prepareStatement("INSERT INTO st_sections (section, patient_id, slide_id, "
                + "platform, source, normalisation, spot_diameter_um, mpp, mpp_source, n_spots, n_genes) "
                + "VALUES (?, ?, ?, 'legacy-st', ?, 'raw', 100, ?, 'user', ?, 0)")) {
            p.setString(1, section);
            p.setString(2, section.substring(0, 1));
            p.setString(3, slideId);
            p.setString(4, image.toString());
            p.setDouble(5, MPP);
            p.setInt(6, spots.size());
            p.executeUpdate();
        }
        try (PreparedStatement p = store.connection().prepareStatement("INSERT INTO spots (section, spot_id, patient_id, array_x, "
                + "array_y, pixel_x, pixel_y, library_size) VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (Row s : spots) {
                p.setString(1, section);
                p.setString(2, s.spotId());
                p.setString(3, section.substring(0, 1));
                p.setInt(4, s.x());
                p.setInt(5, s.y());
                p.setDouble(6, s.pixelX());
                p.setDouble(7, s.pixelY());
                p.executeUpdate();
            }
        }
    }
}
