package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.AssetOrArchive;
import com.pulumi.asset.FileArchive;
import com.pulumi.asset.FileAsset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Seed code as Pulumi uploads it: a {@code .zip} file as is, a directory zipped by the engine, or a directory with
 * further files beside its own (each top-level entry of the directory, plus the additions).
 */
final class SeedCodeArchive {
    private SeedCodeArchive() {
    }

    /** {@code path} is a directory or a {@code .zip}, relative to the project root (the program's working directory). */
    static AssetOrArchive of(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".zip") ? new FileAsset(path) : new FileArchive(path);
    }

    /** {@code path} (a directory when {@code additions} is not empty) with the additions at its top level. */
    static AssetOrArchive of(String path, Map<String, AssetOrArchive> additions) {
        if (additions.isEmpty()) {
            return of(path);
        }
        if (path.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new IllegalArgumentException("seed code with additions must be a directory, not " + path);
        }
        Map<String, AssetOrArchive> entries = new TreeMap<>();
        for (String name : topLevelEntries(Path.of(path))) {
            String child = path + "/" + name;
            entries.put(name, Files.isDirectory(Path.of(child)) ? new FileArchive(child) : new FileAsset(child));
        }
        entries.putAll(additions);
        return new AssetArchive(entries);
    }

    private static List<String> topLevelEntries(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.map(child -> child.getFileName().toString())
                    .filter(name -> !name.equals("__pycache__") && !name.equals(".pytest_cache"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the seed code in " + directory, e);
        }
    }
}
