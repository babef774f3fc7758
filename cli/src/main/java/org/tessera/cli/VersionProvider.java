package org.tessera.cli;

import org.tessera.store.SoftwareVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code tessera --version}. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {SoftwareVersion.get(), "Java " + Runtime.version(), "GPL-3.0-or-later"};
    }
}
