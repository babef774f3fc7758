package org.tessera.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store} option every command shares. */
final class StoreOption {
    @Option(names = "--store", paramLabel = "DIR", defaultValue = "${env:TESSERA_STORE:-tessera-store}",
            description = "Feature store directory (default: ${DEFAULT-VALUE}; env TESSERA_STORE).")
    Path store;
}
