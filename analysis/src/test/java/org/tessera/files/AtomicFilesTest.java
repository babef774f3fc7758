package org.tessera.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aWriteReplacesTheTargetAndLeavesNoTemporary() throws Exception {
        Path target = tmp.resolve("sub/out.tsv");
        AtomicFiles.writeString(target, "old");
        AtomicFiles.writeString(target, "new");
        assertEquals("new", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndRemovesTheTemporary() throws Exception {
        Path target = tmp.resolve("out.tsv");
        AtomicFiles.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, t -> {
            Files.writeString(t, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aMoveWithoutReplaceRefusesAnExistingTarget() throws Exception {
        Path from = Files.createDirectory(tmp.resolve("staged"));
        Path to = Files.createDirectory(tmp.resolve("bundle"));
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.move(from, to, false));
        Files.delete(to);
        AtomicFiles.move(from, to, false);
        assertTrue(Files.isDirectory(to) && Files.notExists(from));
    }
}
