package org.tessera.doctor;

/**
 * One thing the doctor looked at.
 *
 * @param item        what was checked, e.g. {@code libcudart.so.12} or {@code NVIDIA driver}
 * @param purpose     what Tessera uses it for, e.g. {@code CUDA 12 runtime}
 * @param requirement which path needs it
 * @param ok          whether it is there and usable
 * @param found       what was found (a path, a version) or why it is not usable
 * @param remedy      how to get it when it is missing: the package or image that provides it; empty when ok
 */
public record Check(String item, String purpose, Requirement requirement, boolean ok, String found, String remedy) {

    public Check {
        if (item == null || item.isBlank() || purpose == null || requirement == null || found == null || remedy == null) {
            throw new IllegalArgumentException("a check needs an item, a purpose, a requirement, what was found and a remedy");
        }
        if (!ok && remedy.isBlank()) {
            throw new IllegalArgumentException(item + ": a failed check must say how to fix it");
        }
    }

    /** Whether this check, when failed, stops the given path ({@code gpu}: the GPU path, else the CPU path). */
    public boolean blocks(boolean gpu) {
        return !ok && (requirement == Requirement.CPU || (gpu && requirement == Requirement.GPU));
    }
}
