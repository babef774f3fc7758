package org.tessera.doctor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The doctor's findings: every {@link Check}, and whether the CPU path and the GPU path can run.
 *
 * @param checks the checks in the order they were made
 */
public record DoctorReport(List<Check> checks) {

    public DoctorReport {
        if (checks == null || checks.isEmpty()) {
            throw new IllegalArgumentException("a report needs checks");
        }
        checks = List.copyOf(checks);
    }

    /** Whether Tessera can run on the CPU here: every CPU check passed. */
    public boolean cpuReady() {
        return checks.stream().noneMatch(c -> c.blocks(false));
    }

    /** Whether GPU inference can run here: every CPU and GPU check passed. */
    public boolean gpuReady() {
        return checks.stream().noneMatch(c -> c.blocks(true));
    }

    /** 0 when what was asked can run ({@code gpu}: the GPU path, else the CPU path), 1 otherwise. */
    public int exitCode(boolean gpu) {
        return (gpu ? gpuReady() : cpuReady()) ? 0 : 1;
    }

    /** The checks that stop the asked path. */
    public List<Check> blocking(boolean gpu) {
        return checks.stream().filter(c -> c.blocks(gpu)).toList();
    }

    /** A table for people: one line per check, then how to fix what is missing, then the verdict. */
    public String table(boolean gpu) {
        StringBuilder out = new StringBuilder();
        int width = checks.stream().mapToInt(c -> c.item().length()).max().orElse(10) + 2;
        out.append(String.format(Locale.ROOT, "%-8s %-" + width + "s %-9s %s%n", "status", "item", "needed", "found"));
        for (Check c : checks) {
            out.append(String.format(Locale.ROOT, "%-8s %-" + width + "s %-9s %s%n", status(c), c.item(),
                    c.requirement().name().toLowerCase(Locale.ROOT), c.found()));
        }
        List<Check> missing = checks.stream().filter(c -> !c.ok()).toList();
        if (!missing.isEmpty()) {
            out.append(System.lineSeparator()).append("to fix:").append(System.lineSeparator());
            for (Check c : missing) {
                out.append("  ").append(c.item()).append(" (").append(c.purpose()).append("): ").append(c.remedy())
                        .append(System.lineSeparator());
            }
            if (missing.stream().anyMatch(c -> c.requirement() == Requirement.GPU && c.item().startsWith("lib"))) {
                out.append("  or ").append(Doctor.CUDA_BUNDLES).append(System.lineSeparator());
            }
        }
        out.append(System.lineSeparator())
                .append("CPU path: ").append(cpuReady() ? "ready" : "NOT ready").append(System.lineSeparator())
                .append("GPU path: ").append(gpuReady() ? "ready" : "NOT ready").append(System.lineSeparator());
        if (gpu && !gpuReady() || !gpu && !cpuReady()) {
            out.append("missing for the ").append(gpu ? "GPU" : "CPU").append(" path: ")
                    .append(String.join(", ", blocking(gpu).stream().map(Check::item).toList())).append(System.lineSeparator());
        }
        return out.toString();
    }

    /** The same as JSON: {@code {"cpuReady":..,"gpuReady":..,"checks":[{item,purpose,needed,ok,found,remedy}]}}. */
    public String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("cpuReady", cpuReady());
        root.put("gpuReady", gpuReady());
        ArrayNode list = root.putArray("checks");
        for (Check c : checks) {
            list.addObject()
                    .put("item", c.item())
                    .put("purpose", c.purpose())
                    .put("needed", c.requirement().name().toLowerCase(Locale.ROOT))
                    .put("ok", c.ok())
                    .put("found", c.found())
                    .put("remedy", c.remedy());
        }
        try {
            return mapper.writeValueAsString(root) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the doctor's report as JSON", e);
        }
    }

    private static String status(Check c) {
        if (c.ok()) {
            return "ok";
        }
        return c.requirement() == Requirement.OPTIONAL ? "absent" : "MISSING";
    }
}
