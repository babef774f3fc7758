package org.tessera.cli;

import java.nio.file.NoSuchFileException;
import java.sql.SQLException;

/** Turns an exception into the one line a user reads: the message, without Java class names. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable e) {
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof SQLException) {
            return "SQL: " + message;
        }
        return message;
    }
}
