package org.tessera.backbone;

/**
 * Where the user wants inference to run. {@link #AUTO} is resolved once, cheaply, by {@link DeviceSelector}
 * into {@link #CPU} or {@link #GPU}; a resolved choice is never {@code AUTO}.
 */
public enum DeviceChoice {
    /** GPU when ONNX Runtime has its CUDA provider and an NVIDIA driver is present, CPU otherwise. */
    AUTO,
    /** ONNX Runtime's default CPU execution provider. */
    CPU,
    /** ONNX Runtime's CUDA execution provider on device 0; failing if it is not available. */
    GPU
}
