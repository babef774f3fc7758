/** Writing files so that a crash never leaves a half-written one: {@link org.tessera.files.AtomicFiles}. */
package org.tessera.files;
