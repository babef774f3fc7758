package org.tessera.cli;

import java.io.PrintWriter;
import java.util.List;
import org.tessera.extract.ExtractionReport;

/** Prints the failures at the end of a batch and turns them into the exit code. */
final class Reports {
    private Reports() {
    }

    static int failures(PrintWriter err, String what, List<ExtractionReport.Failure> failures) {
        if (failures.isEmpty()) {
            return 0;
        }
        err.printf("%d %s failed:%n", failures.size(), what);
        for (ExtractionReport.Failure f : failures) {
            err.printf("  %s: %s%n", f.slide(), f.error());
        }
        err.flush();
        return 1;
    }
}
