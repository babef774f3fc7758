package org.tessera.nativelib;

import java.net.URL;
import java.util.List;

/**
 * A named set of native libraries unpacked together into one folder (libraries that find each other beside
 * themselves, as ONNX Runtime's provider libraries do).
 *
 * @param name  the folder name in the cache, e.g. {@code onnxruntime-1.29.0-gpu}; names the build and version
 * @param files the libraries
 */
public record NativeBundle(String name, List<File> files) {

    public NativeBundle {
        if (name == null || name.isBlank() || name.contains("/") || name.startsWith(".")) {
            throw new IllegalArgumentException("bundle name must be a plain folder name, got '" + name + "'");
        }
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("bundle '" + name + "' has no files");
        }
        files = List.copyOf(files);
    }

    /**
     * One library.
     *
     * @param fileName the file name in the folder, e.g. {@code libonnxruntime.so}
     * @param size     its size in bytes, known without reading it (a jar entry's size); checks the cached copy
     * @param source   where to read it from (a {@code jar:} or {@code file:} URL)
     */
    public record File(String fileName, long size, URL source) {
        public File {
            if (fileName == null || fileName.isBlank() || fileName.contains("/")) {
                throw new IllegalArgumentException("file name must be a plain name, got '" + fileName + "'");
            }
            if (size < 0) {
                throw new IllegalArgumentException(fileName + ": size must be >= 0, got " + size);
            }
            if (source == null) {
                throw new IllegalArgumentException(fileName + ": source must not be null");
            }
        }
    }
}
