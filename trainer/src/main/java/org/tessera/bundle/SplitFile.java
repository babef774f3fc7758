package org.tessera.bundle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.tessera.splits.Role;
import org.tessera.splits.Split;
import org.tessera.splits.SplitKind;
import org.tessera.splits.SplitRow;

/**
 * The rows of a bundle's split as tab-separated text ({@code split.tsv}): a header {@code unit patient fold
 * role}, then one line per unit; fold is empty for test units. The split's name, seed, kind and fold count
 * are in {@code bundle.json}, with this file's sha256.
 */
final class SplitFile {
    static final String NAME = "split.tsv";
    private static final String HEADER = "unit\tpatient\tfold\trole";

    private SplitFile() {
    }

    static byte[] bytes(Split split) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (SplitRow r : split.rows()) {
            s.append(clean(r.unit())).append('\t').append(clean(r.patient())).append('\t')
                    .append(r.fold() == SplitRow.NO_FOLD ? "" : Integer.toString(r.fold())).append('\t').append(r.role()).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String clean(String id) {
        if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("split unit or patient id contains a tab or newline: '" + id + "'");
        }
        return id;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("SHA-256 is required of every JVM", e);
        }
    }

    /** Reads the rows back into a split with the given name, seed, kind and folds, checking the file's sha256. */
    static Split read(Path file, String name, long seed, SplitKind kind, int folds, String expectedSha256) throws BundleException {
        if (!Files.isRegularFile(file)) {
            throw new BundleException(file + ": split rows file is missing");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha = sha256(bytes);
            if (!sha.equals(expectedSha256)) {
                throw new BundleException(file + ": sha256 is " + sha + " but bundle.json records " + expectedSha256
                        + "; the file was changed after the bundle was written");
            }
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new BundleException(file + ": the first line must be the header '" + HEADER.replace("\t", "<TAB>") + "'");
            }
            List<SplitRow> rows = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split("\t", -1);
                if (f.length != 4) {
                    throw new BundleException(file + ": line " + (i + 1) + " has " + f.length + " fields, expected 4");
                }
                int fold = f[2].isEmpty() ? SplitRow.NO_FOLD : Integer.parseInt(f[2]);
                rows.add(new SplitRow(f[0], f[1], fold, Role.valueOf(f[3])));
            }
            return new Split(name, seed, kind, folds, rows);
        } catch (BundleException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BundleException(file + ": " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new BundleException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
