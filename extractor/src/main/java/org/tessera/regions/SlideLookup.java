package org.tessera.regions;

import java.sql.SQLException;
import java.util.List;
import org.tessera.store.FeatureStore;
import org.tessera.store.SlideRecord;

/** Finds the slide a user names on the command line: its slide id, or its name when that is unique. */
public final class SlideLookup {
    private SlideLookup() {
    }

    /** @param context what the slide is wanted for, e.g. the annotation file, for the error message */
    public static SlideRecord find(FeatureStore store, String idOrName, String context) throws SQLException, AnnotationException {
        String literal = "'" + idOrName.replace("'", "''") + "'";
        List<SlideRecord> byId = store.slides().select("SELECT slide_id FROM slides WHERE slide_id = " + literal);
        if (!byId.isEmpty()) {
            return byId.get(0);
        }
        List<SlideRecord> byName = store.slides().select("SELECT slide_id FROM slides WHERE name = " + literal);
        if (byName.size() == 1) {
            return byName.get(0);
        }
        if (byName.isEmpty()) {
            throw new AnnotationException(context + ": unknown slide '" + idOrName + "': no slide has that id or name in "
                    + store.root() + " (list them with: tessera sql \"SELECT slide_id, name FROM slides\")");
        }
        throw new AnnotationException(context + ": slide name '" + idOrName + "' is ambiguous (" + byName.size()
                + " slides); give the slide id: " + byName.stream().map(SlideRecord::slideId).toList());
    }
}
