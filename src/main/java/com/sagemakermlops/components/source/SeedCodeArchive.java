package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.AssetOrArchive;
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
 * Seed code as Pulumi uploads it: a {@code .zip} file as is, or a directory zipped by the engine with further files
 * beside its own. A directory is given as an archive of its files, folder by folder, without hidden entries
 * ({@code .venv}, {@code .benchmarks}, {@code .pytest_cache}, {@code .git}, {@code .DS_Store}, editor swap files
 * {@code .*.swp}...) and {@code __pycache__} at any depth: a {@code FileArchive} of a folder would take everything
 * inside it. The program bundle's folders are listed the same way.
 */
final class SeedCodeArchive {
    private SeedCodeArchive() {
    }

    /** {@code path} is a directory or a {@code .zip}, relative to the project root (the program's working directory). */
    static AssetOrArchive of(String path) {
        return of(path, Map.of());
    }

    /** {@code path} (a directory when {@code additions} is not empty) with the additions at its top level. */
    static AssetOrArchive of(String path, Map<String, AssetOrArchive> additions) {
        if (path.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            if (!additions.isEmpty()) {
                throw new IllegalArgumentException("seed code with additions must be a directory, not " + path);
            }
            return new FileAsset(path);
        }
        Map<String, AssetOrArchive> entries = folder(path);
        entries.putAll(additions);
        return new AssetArchive(entries);
    }

    /** The folder {@code path} as an archive of its kept entries, at any depth. */
    static AssetArchive folderArchive(String path) {
        return new AssetArchive(folder(path));
    }

    /** The entries of the folder {@code path}: files as assets, folders as archives of their own entries. */
    private static Map<String, AssetOrArchive> folder(String path) {
        Map<String, AssetOrArchive> entries = new TreeMap<>();
        for (String name : kept(Path.of(path))) {
            String child = path + "/" + name;
            entries.put(name, Files.isDirectory(Path.of(child)) ? folderArchive(child) : new FileAsset(child));
        }
        return entries;
    }

    private static List<String> kept(Path directory) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.map(child -> child.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.equals("__pycache__"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files in " + directory, e);
        }
    }
}
