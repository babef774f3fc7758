package org.tessera.slide;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * A system shared library looked up once, for the bindings ({@link OpenSlideNative}, {@link TurboJpegNative}): its
 * symbols, or why it could not be loaded (the message says which package installs it). The library stays loaded
 * in the global arena for the life of the JVM.
 *
 * @param name the soname, e.g. {@code libopenslide.so.0}
 * @param lookup its symbols, empty when it could not be loaded
 * @param problem why it could not be loaded, "" when it could
 */
@SuppressWarnings("restricted") // run with --enable-native-access
record NativeLibrary(String name, Optional<SymbolLookup> lookup, String problem) {

    /** Loads {@code name}; on failure {@link #problem()} is {@code installHint} and the loader's reason. */
    static NativeLibrary load(String name, String installHint) {
        try {
            return new NativeLibrary(name, Optional.of(SymbolLookup.libraryLookup(name, Arena.global())), "");
        } catch (IllegalArgumentException e) {
            return new NativeLibrary(name, Optional.empty(), installHint + " (" + e.getMessage() + ")");
        }
    }

    boolean available() {
        return lookup.isPresent();
    }

    /**
     * A downcall handle for {@code symbol}; only call once the library is known to be {@link #available()}.
     *
     * @param versionHint said when the symbol is missing, e.g. "OpenSlide 3.4 or later is required"
     */
    MethodHandle downcall(String symbol, FunctionDescriptor descriptor, String versionHint, Linker.Option... options) {
        SymbolLookup symbols = lookup.orElseThrow(() -> new IllegalStateException(problem));
        MemorySegment address = symbols.find(symbol).orElseThrow(() -> new UnsatisfiedLinkError(
                name + " has no symbol " + symbol + "; " + versionHint));
        return Linker.nativeLinker().downcallHandle(address, descriptor, options);
    }
}
