package org.tessera.backbone;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;
import org.tessera.nativelib.OrtNatives;

/**
 * The one place that starts ONNX Runtime. DJL's OnnxRuntime engine creates the process-wide
 * {@link OrtEnvironment} (with its own logging and threading options) when it is first asked for; creating the
 * environment any other way first would make DJL's later attempt fail. Every raw {@code ai.onnxruntime} use in
 * Tessera therefore goes through {@link #environment()}. Before that first start, {@link OrtNatives#install()}
 * points ONNX Runtime at its libraries unpacked once in the cache folder (~/.cache/tessera/onnxruntime-*) instead
 * of a new temporary folder.
 */
final class OrtRuntime {

    static final String ENGINE = "OnnxRuntime";

    private OrtRuntime() {
    }

    /** The shared environment, after DJL's engine has been initialised. */
    static OrtEnvironment environment() {
        OrtNatives.install();
        Engine.getEngine(ENGINE);
        return OrtEnvironment.getEnvironment();
    }

    /** The version of the native ONNX Runtime library actually loaded. */
    static String version() {
        return environment().getVersion();
    }
}
