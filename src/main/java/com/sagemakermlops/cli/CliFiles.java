package com.sagemakermlops.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
            createFolder(file);
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** Moves the finished {@code written} file to {@code file}, replacing it, creating its folder when missing. */
    static void moveTo(Path written, Path file) {
        try {
            createFolder(file);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void createFolder(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
