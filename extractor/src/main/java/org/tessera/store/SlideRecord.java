package org.tessera.store;

import java.util.Objects;
import java.util.Optional;

/** A slide as the catalogue knows it (table {@code slides}). Level-0 dimensions, mpp in um per pixel. */
public record SlideRecord(
        String slideId,
        String fingerprint,
        String name,
        String path,
        String vendor,
        double mpp,
        String mppSource,
        Optional<Double> objectivePower,
        long width,
        long height,
        int levels,
        Optional<String> patientId,
        Optional<String> cohort,
        long fileBytes) {

    public SlideRecord {
        Objects.requireNonNull(slideId, "slideId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(objectivePower, "objectivePower");
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(cohort, "cohort");
        if (!(mpp > 0)) {
            throw new IllegalArgumentException(path + ": pixel size must be positive, got " + mpp);
        }
        if (!mppSource.equals("file") && !mppSource.equals("user")) {
            throw new IllegalArgumentException("mpp source must be 'file' or 'user', got " + mppSource);
        }
        if (width <= 0 || height <= 0 || levels <= 0) {
            throw new IllegalArgumentException(path + ": bad geometry " + width + "x" + height + " in " + levels + " levels");
        }
    }
}
