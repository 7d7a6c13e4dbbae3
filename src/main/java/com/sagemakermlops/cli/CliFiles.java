package com.sagemakermlops.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes the files the commands are given, turning I/O failures into usage errors. */
final class CliFiles {
    private CliFiles() {
    }

    /** The text of {@code file}; {@code label} names it in the error ({@code "--policy-config x.yaml"}). */
    static String read(Path file, String label) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UsageException(label + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Writes {@code content} to {@code file}, creating its folder when missing. */
    static void write(Path file, String content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
