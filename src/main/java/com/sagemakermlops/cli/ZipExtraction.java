package com.sagemakermlops.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip archive into a folder within bounds, all or nothing: the entries are counted and their declared
 * sizes summed before anything is written, the bytes actually inflated are counted while they are written (a
 * header may lie), and everything goes to a temporary folder beside the target that replaces it only when the whole
 * archive was within bounds. A refused archive leaves nothing behind.
 *
 * @param maxBytes   the most bytes all entries may expand to together
 * @param maxEntries the most entries (files and folders)
 * @param maxRatio   the most an entry, or the whole archive, may expand relative to its compressed size, once it
 *                   is larger than {@value #RATIO_FLOOR} bytes (small files compress well legitimately)
 */
record ZipExtraction(long maxBytes, int maxEntries, long maxRatio) {
    /** Seed code is source: far below these. */
    static final ZipExtraction SEED_CODE = new ZipExtraction(256L * 1024 * 1024, 10_000, 100);
    static final long RATIO_FLOOR = 1024 * 1024;

    /** Why an archive is refused; the message completes "ARCHIVE: ...". */
    static final class RefusedException extends Exception {
        RefusedException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Unpacks {@code zip} into {@code target}, replacing what was there only when the archive is unpacked whole.
     *
     * @throws RefusedException saying why, with nothing written
     */
    void extract(Path zip, Path target) throws RefusedException {
        if (!Files.isRegularFile(zip)) {
            throw new RefusedException("not a regular file");
        }
        Path parent = target.toAbsolutePath().getParent();
        Path staging = null;
        try {
            if (Files.size(zip) > maxBytes) {
                throw new RefusedException("is larger than the " + maxBytes + " bytes unpacked");
            }
        } catch (IOException e) {
            throw new RefusedException("cannot be read (" + plain(e.getMessage()) + ")");
        }
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            List<? extends ZipEntry> entries = archive.stream().toList();
            if (entries.size() > maxEntries) {
                throw new RefusedException("has " + entries.size() + " entries, more than the " + maxEntries
                        + " unpacked");
            }
            long declared = entries.stream().mapToLong(e -> Math.max(0, e.getSize())).sum();
            if (declared > maxBytes) {
                throw new RefusedException("expands to " + declared + " bytes, more than the " + maxBytes + " unpacked");
            }
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + "-");
            long written = 0;
            Set<String> names = new HashSet<>();
            for (ZipEntry entry : entries) {
                Path file = staging.resolve(entry.getName()).normalize();
                if (!file.startsWith(staging) || file.equals(staging) || entry.getName().contains("\\")) {
                    throw new RefusedException("entry " + shown(entry.getName()) + " points outside the archive");
                }
                if (!names.add(staging.relativize(file).toString())) {
                    throw new RefusedException("entry " + shown(entry.getName()) + " is in the archive twice");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                long size = copy(archive, entry, file, maxBytes - written);
                written += size;
                if (size > RATIO_FLOOR && size / Math.max(1, entry.getCompressedSize()) > maxRatio) {
                    throw new RefusedException("entry " + shown(entry.getName()) + " expands " + size
                            / Math.max(1, entry.getCompressedSize()) + " times, more than the " + maxRatio
                            + " accepted (a zip bomb?)");
                }
            }
            long archiveSize = Math.max(1, Files.size(zip));
            if (written > RATIO_FLOOR && written / archiveSize > maxRatio) {
                throw new RefusedException("expands " + written / archiveSize + " times, more than the " + maxRatio
                        + " accepted (a zip bomb?)");
            }
            replace(staging, target);
            staging = null;
        } catch (IOException e) {
            throw new RefusedException("cannot be unpacked (" + plain(e.getMessage()) + ")");
        } finally {
            if (staging != null) {
                delete(staging);
            }
        }
    }

    /** Copies one entry, counting what is inflated; refuses beyond {@code budget}. */
    private long copy(ZipFile archive, ZipEntry entry, Path file, long budget) throws IOException, RefusedException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = archive.getInputStream(entry); OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > budget) {
                    throw new RefusedException("expands to more than the " + maxBytes + " bytes unpacked (entry "
                            + shown(entry.getName()) + ")");
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    /** Puts the unpacked folder in place of the target: the old one is moved aside first, then removed. */
    private static void replace(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            old = Files.createTempDirectory(staging.getParent(), "." + target.getFileName() + "-old-");
            Files.delete(old);
            move(target, old);
        }
        move(staging, target);
        if (old != null) {
            delete(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: the folder is a hidden temporary one
                }
            });
        } catch (IOException ignored) {
            // nothing was left to walk
        }
    }

    private static String shown(String name) {
        return "\"" + com.sagemakermlops.policy.Printable.of(name.length() <= 120 ? name : name.substring(0, 120) + "...")
                + "\"";
    }

    /** An I/O message without the Java class names some of them carry. */
    static String plain(String message) {
        return message == null ? "input/output error"
                : message.replaceAll("\\b([a-z]+\\.)+[A-Z]\\w*(Exception|Error):\\s*", "");
    }
}
