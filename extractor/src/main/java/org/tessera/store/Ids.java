package org.tessera.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store's identifiers. All are derived from content, so two stores built from the same inputs agree
 * on them and a renamed slide keeps its id: a slide id hashes the slide's fingerprint, a tiling id hashes
 * the tiling spec and tissue method.
 */
public final class Ids {
    private static final Pattern TCGA = Pattern.compile("^(TCGA-[A-Z0-9]{2}-[A-Z0-9]{4})(?:-|$)", Pattern.CASE_INSENSITIVE);

    private Ids() {
    }

    public static String slideId(String fingerprint) {
        return "s" + sha256(fingerprint).substring(0, 15);
    }

    public static String tilingId(String specKey, String tissueMethod) {
        return "t" + sha256(specKey + "|" + tissueMethod).substring(0, 11);
    }

    /** The patient part of a TCGA barcode ("TCGA-CR-7395-01A-01-TS1" gives "TCGA-CR-7395"). */
    public static Optional<String> tcgaPatient(String barcode) {
        Matcher m = TCGA.matcher(barcode.strip());
        return m.find() ? Optional.of(m.group(1).toUpperCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JVM", e);
        }
    }
}
