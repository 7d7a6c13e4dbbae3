package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetOrArchive;
import com.pulumi.asset.FileArchive;
import com.pulumi.asset.FileAsset;

import java.util.Locale;

/** Seed code as Pulumi uploads it: a {@code .zip} file as is, a directory zipped by the engine. */
final class SeedCodeArchive {
    private SeedCodeArchive() {
    }

    /** {@code path} is a directory or a {@code .zip}, relative to the project root (the program's working directory). */
    static AssetOrArchive of(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(".zip") ? new FileAsset(path) : new FileArchive(path);
    }
}
