package org.tessera.backbone;

import ai.djl.engine.Engine;
import ai.onnxruntime.OrtEnvironment;

/**
 * The one place that starts ONNX Runtime. DJL's OnnxRuntime engine creates the process-wide
 * {@link OrtEnvironment} (with its own logging and threading options) when it is first asked for; creating the
 * environment any other way first would make DJL's later attempt fail. Every raw {@code ai.onnxruntime} use in
 * Tessera therefore goes through {@link #environment()}.
 */
final class OrtRuntime {

    static final String ENGINE = "OnnxRuntime";

    private OrtRuntime() {
    }

    /** The shared environment, after DJL's engine has been initialised. */
    static OrtEnvironment environment() {
        Engine.getEngine(ENGINE);
        return OrtEnvironment.getEnvironment();
    }

    /** The version of the native ONNX Runtime library actually loaded. */
    static String version() {
        return environment().getVersion();
    }
}
