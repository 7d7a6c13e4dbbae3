package com.sagemakermlops.cli;

import com.sagemakermlops.config.TextFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes the files the commands are given, turning I/O failures into usage errors. */
final class CliFiles {
    private CliFiles() {
    }

    /** A {@code --policy-config} file. */
    static final long POLICY_CONFIG_BYTES = 1024 * 1024;
    /** A plan written by {@code --json} (a tooling plan is well under 1 MiB). */
    static final long PLAN_BYTES = 64L * 1024 * 1024;

    /**
     * The text of {@code file}, read only when it is a regular file of at most {@code maxBytes}; {@code label} names
     * it in the error ({@code "--policy-config x.json"}).
     */
    static String read(Path file, String label, long maxBytes) {
        try {
            return TextFiles.read(file, maxBytes);
        } catch (TextFiles.UnreadableException e) {
            throw new UsageException(label + ": " + e.getMessage());
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

    /**
     * Moves the finished {@code written} file to {@code file}, replacing a file there (never a folder), creating its
     * folder when missing.
     */
    static void moveTo(Path written, Path file) {
        if (Files.isDirectory(file)) {
            throw new UsageException("cannot write " + file + ": it is a folder");
        }
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
