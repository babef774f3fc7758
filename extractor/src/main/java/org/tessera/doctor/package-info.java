/**
 * {@code tessera doctor}: what this machine can run.
 *
 * <p>{@link org.tessera.doctor.Doctor} checks the JDK, the native libraries Tessera loads (OpenSlide, OpenBLAS for
 * Smile, libjpeg-turbo), the ONNX Runtime build on the class path and its execution providers, the NVIDIA driver and
 * each CUDA library the GPU build's CUDA provider loads ({@code readelf -d} of ONNX Runtime 1.29's
 * {@code libonnxruntime_providers_cuda.so}: libcuda.so.1, libcudart.so.12, libcublas.so.12, libcublasLt.so.12,
 * libcurand.so.10; opened at run time: libcudnn.so.9 and libcufft.so.11). Each {@link org.tessera.doctor.Check} that
 * fails names the package or container image that provides what is missing. The {@link
 * org.tessera.doctor.DoctorReport} says whether the CPU path and the GPU path can run, as a table or JSON.
 *
 * <p>Every probe is injected: a {@link org.tessera.doctor.LibraryLookup} (the system's dynamic loader, or a folder
 * for tests), the ONNX Runtime facts, the driver's version file and the JDK version, so tests on a machine without a
 * GPU cover every missing-library message.
 */
package org.tessera.doctor;
