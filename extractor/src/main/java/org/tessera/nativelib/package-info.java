/**
 * Native libraries that ship inside the jar, unpacked once per machine into a cache folder instead of into a new
 * temporary folder at every start.
 *
 * <p>{@link org.tessera.nativelib.NativeCache} unpacks a {@link org.tessera.nativelib.NativeBundle} (a named set of
 * class-path resources with their sizes) into {@code <cache>/<bundle name>/}: into a private folder first, then
 * renamed into place, so a crash or two processes starting at once never leave a half-written folder that is used.
 * A folder whose files all have the expected sizes is reused as it is. {@link org.tessera.nativelib.OrtNatives}
 * finds ONNX Runtime's libraries on the class path (CPU or GPU build) and points ONNX Runtime at the cache through
 * its {@code onnxruntime.native.path} system property; this must happen before ONNX Runtime first loads.
 */
package org.tessera.nativelib;
