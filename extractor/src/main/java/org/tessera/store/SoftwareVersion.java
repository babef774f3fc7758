package org.tessera.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Tessera's version, recorded with every extraction run and model bundle. */
public final class SoftwareVersion {
    private static final String VERSION = load();

    private SoftwareVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream("/org/tessera/version.properties")) {
            if (in == null) {
                throw new IllegalStateException("org/tessera/version.properties is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return "tessera " + p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
