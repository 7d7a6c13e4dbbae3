package com.sagemakermlops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** Bounds on what an archive expands to, checked with small bounds so the archives stay small. */
class ZipExtractionTest {
    @TempDir
    Path dir;

    private Path zip(int entries, int bytesEach, boolean random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Random noise = new Random(7);
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                out.putNextEntry(new ZipEntry("f" + i));
                byte[] data = new byte[bytesEach];
                for (int b = 0; random && b < data.length; b++) {
                    data[b] = (byte) "ACGT".charAt(noise.nextInt(4)); // compresses about four times, no bomb
                }
                out.write(data);
                out.closeEntry();
            }
        }
        return Files.write(dir.resolve("seed.zip"), bytes.toByteArray());
    }

    private long leftovers() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).count();
        }
    }

    @Test
    void theTotalExpandedSizeIsBoundedAndNothingIsLeftBehind() throws IOException {
        Path zip = zip(5, 3_000, true);
        ZipExtraction small = new ZipExtraction(10_000, 100, 100);
        assertThatThrownBy(() -> small.extract(zip, dir.resolve("out")))
                .hasMessage("expands to 15000 bytes, more than the 10000 unpacked");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(leftovers()).isZero();
    }

    @Test
    void sizesAreCountedAsTheyInflateNotAsTheHeaderSays() throws IOException {
        Path zip = zip(1, 5_000, true);
        byte[] bytes = Files.readAllBytes(zip);
        // the central directory's uncompressed size of the one entry (offset 24 of its header) says 100 bytes
        int central = indexOf(bytes, new byte[] {0x50, 0x4b, 0x01, 0x02});
        bytes[central + 24] = 100;
        bytes[central + 25] = 0;
        bytes[central + 26] = 0;
        bytes[central + 27] = 0;
        Files.write(zip, bytes);
        ZipExtraction small = new ZipExtraction(2_000, 100, 100);
        assertThatThrownBy(() -> small.extract(zip, dir.resolve("out")))
                .satisfies(e -> assertThat(e.getMessage()).startsWith("expands to more than the 2000 bytes unpacked")
                        .doesNotContain("Exception"));
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(leftovers()).isZero();
    }

    @Test
    void aRefusedArchiveKeepsWhatWasThereAndAnAcceptedOneReplacesIt() throws IOException {
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/old.txt"), "old");
        Path bomb = zip(1, 3_000_000, false);
        assertThatThrownBy(() -> ZipExtraction.SEED_CODE.extract(bomb, dir.resolve("out"))).hasMessageContaining("expands");
        assertThat(dir.resolve("out/old.txt")).hasContent("old");

        Path good = zip(2, 10, true);
        assertThatThrownBy(() -> new ZipExtraction(1_000, 1, 100).extract(good, dir.resolve("out")))
                .hasMessage("has 2 entries, more than the 1 unpacked");
        try {
            ZipExtraction.SEED_CODE.extract(good, dir.resolve("out"));
        } catch (ZipExtraction.RefusedException e) {
            throw new AssertionError(e.getMessage());
        }
        assertThat(dir.resolve("out/old.txt")).doesNotExist();
        assertThat(dir.resolve("out/f0")).exists();
        assertThat(dir.resolve("out/f1")).exists();
        assertThat(leftovers()).isZero();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            boolean found = true;
            for (int j = 0; j < pattern.length && found; j++) {
                found = data[i + j] == pattern[j];
            }
            if (found) {
                return i;
            }
        }
        throw new IllegalStateException("no central directory");
    }
}
