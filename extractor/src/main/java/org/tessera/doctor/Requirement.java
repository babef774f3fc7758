package org.tessera.doctor;

/** Which path a {@link Check} is needed for. */
public enum Requirement {
    /** Needed to run Tessera at all (and so the GPU path too). */
    CPU,
    /** Needed only for GPU inference. */
    GPU,
    /** Makes something faster or enables a rare feature; Tessera runs without it. */
    OPTIONAL
}
