package com.sagemakermlops.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One case of the hostile-input corpus ({@code src/test/resources/hostile/<class>/<name>.case}): directives at the
 * top ({@code # key: value}), then the files the case needs, each after a {@code --- NAME} line (a case with no such
 * line is one stack file, {@code Pulumi.case.yaml}). A file header may also read:
 * <ul>
 *   <li>{@code --- NAME <= REPO_FILE}: a copy of a file of this repository (its seed-code paths made absolute),
 *       changed by the {@code OLD => NEW} lines that follow, each of which must match;</li>
 *   <li>{@code --- NAME zip}: a zip archive built from the lines that follow: {@code file PATH TEXT},
 *       {@code zeros PATH BYTES}, {@code many COUNT}, {@code truncate BYTES}, or {@code raw TEXT} for a file that is
 *       not a zip at all;</li>
 *   <li>{@code --- NAME generate BYTES}: the one line that follows, repeated to that size.</li>
 * </ul>
 * {@code @ROOT@} stands for the repository, {@code @DIR@} for the folder the case runs in.
 */
record HostileCase(String kind, String name, Map<String, List<String>> directives, Map<String, List<String>> files) {
    private static final String SINGLE = "Pulumi.case.yaml";

    static HostileCase read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> directives = new LinkedHashMap<>();
        int i = 0;
        for (; i < lines.size() && lines.get(i).startsWith("# "); i++) {
            String line = lines.get(i).substring(2);
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).matches("[a-z-]+")) {
                directives.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).strip());
            }
        }
        Map<String, List<String>> files = new LinkedHashMap<>();
        List<String> current = null;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("--- ")) {
                current = new ArrayList<>();
                files.put(line.substring(4).strip(), current);
            } else {
                if (current == null) {
                    current = new ArrayList<>();
                    files.put(SINGLE, current);
                }
                current.add(line);
            }
        }
        String kind = file.getParent().getFileName().toString();
        return new HostileCase(kind, kind + "/" + file.getFileName().toString().replaceFirst("\\.case$", ""),
                directives, files);
    }

    String one(String directive, String fallback) {
        List<String> values = directives.getOrDefault(directive, List.of());
        return values.isEmpty() ? fallback : values.get(0);
    }

    List<String> all(String directive) {
        return directives.getOrDefault(directive, List.of());
    }

    /** The body of a case without files (an analyzer request). */
    String body() {
        return String.join("\n", files.getOrDefault(SINGLE, List.of()));
    }

    /** Writes the case's files into {@code dir}. */
    void materialise(Path root, Path dir) throws IOException {
        for (var file : files.entrySet()) {
            String[] header = file.getKey().split("\\s+", 3);
            Path target = dir.resolve(header[0]);
            Files.createDirectories(target.getParent());
            if (header.length == 3 && header[1].equals("<=")) {
                Files.writeString(target, copy(root, dir, header[2], file.getValue()));
            } else if (header.length >= 2 && header[1].equals("zip")) {
                Files.write(target, zip(file.getValue()));
            } else if (header.length == 3 && header[1].equals("generate")) {
                Files.write(target, generate(Long.parseLong(header[2]), file.getValue().get(0)));
            } else {
                Files.writeString(target, substitute(String.join("\n", file.getValue()) + "\n", root, dir));
            }
        }
    }

    static String substitute(String text, Path root, Path dir) {
        return text.replace("@ROOT@", root.toString()).replace("@DIR@", dir.toString());
    }

    private String copy(Path root, Path dir, String repoFile, List<String> edits) throws IOException {
        String text = Files.readString(root.resolve(repoFile)).replace("seedCodePath: seed-code/",
                "seedCodePath: " + root + "/seed-code/");
        for (String edit : edits) {
            if (edit.isBlank()) {
                continue;
            }
            String[] parts = edit.split(" => ", 2);
            String from = unescape(substitute(parts[0], root, dir));
            String to = unescape(substitute(parts[1], root, dir));
            if (!text.contains(from)) {
                throw new IllegalStateException(name + ": the edit does not match " + repoFile + ": " + edit);
            }
            text = text.replace(from, to);
        }
        return text;
    }

    /** {@code \n} in an edit is a line break. */
    private static String unescape(String text) {
        return text.replace("\\n", "\n");
    }

    private static byte[] zip(List<String> spec) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Integer truncate = null;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String line : spec) {
                String[] words = line.strip().split("\\s+", 3);
                switch (words[0]) {
                    case "file" -> {
                        zip.putNextEntry(new ZipEntry(words[1]));
                        zip.write((words.length > 2 ? words[2] : "").getBytes(StandardCharsets.UTF_8));
                        zip.closeEntry();
                    }
                    case "zeros" -> {
                        zip.putNextEntry(new ZipEntry(words[1]));
                        byte[] block = new byte[64 * 1024];
                        for (long left = Long.parseLong(words[2]); left > 0; left -= block.length) {
                            zip.write(block, 0, (int) Math.min(block.length, left));
                        }
                        zip.closeEntry();
                    }
                    case "many" -> {
                        for (int n = 0; n < Integer.parseInt(words[1]); n++) {
                            zip.putNextEntry(new ZipEntry("e/" + n));
                            zip.closeEntry();
                        }
                    }
                    case "truncate" -> truncate = Integer.parseInt(words[1]);
                    case "raw" -> {
                        return (words.length > 1 ? line.strip().substring(4) : "").getBytes(StandardCharsets.UTF_8);
                    }
                    case "" -> {
                    }
                    default -> throw new IllegalStateException("unknown zip spec line: " + line);
                }
            }
        }
        byte[] all = bytes.toByteArray();
        return truncate == null ? all : Arrays.copyOf(all, truncate);
    }

    private static byte[] generate(long size, String text) {
        byte[] unit = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[(int) size];
        for (int i = 0; i < out.length; i++) {
            out[i] = unit[i % unit.length];
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
