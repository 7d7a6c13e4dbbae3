package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.AssetOrArchive;
import com.pulumi.asset.FileAsset;
import com.sagemakermlops.config.TargetEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * This Pulumi program as the deploy repository's first commit carries it under {@code program/}: the build, the
 * sources, the policy pack and the stack files of the hosting stacks, so the deploy builds run {@code pulumi up} of
 * the same program. Assembled from the project's files (no copy of them lives in the seed code).
 */
public final class ProgramBundle {
    public static final String FOLDER = "program";

    private ProgramBundle() {
    }

    /**
     * {@code program/} with the files found in {@code projectDir}, paths as Pulumi reads them (relative to the
     * program's working directory when {@code projectDir} is empty). The source folders are listed as the seed code
     * is ({@link SeedCodeArchive}): no hidden entries or caches at any depth.
     */
    public static Map<String, AssetOrArchive> of(Path projectDir, List<TargetEnvironment.Stage> stages) {
        Map<String, AssetOrArchive> program = new TreeMap<>();
        for (String file : List.of("pom.xml", "Pulumi.yaml", "mlops")) {
            program.put(file, file(projectDir, file));
        }
        program.put("src", new AssetArchive(Map.of("main", folder(projectDir, "src/main"))));
        program.put("policy", new AssetArchive(Map.of(
                "PulumiPolicy.yaml", file(projectDir, "policy/PulumiPolicy.yaml"),
                "pulumi-analyzer-policy-mlops-java", file(projectDir, "policy/pulumi-analyzer-policy-mlops-java"),
                "src", new AssetArchive(Map.of("main", folder(projectDir, "policy/src/main"))))));
        for (TargetEnvironment.Stage stage : stages) {
            String stackFile = "Pulumi." + stage.id() + ".yaml";
            if (Files.isRegularFile(projectDir.resolve(stackFile))) {
                program.put(stackFile, file(projectDir, stackFile));
            }
        }
        return Map.of(FOLDER, new AssetArchive(program));
    }

    private static FileAsset file(Path projectDir, String path) {
        return new FileAsset(projectDir.resolve(path).toString());
    }

    private static AssetArchive folder(Path projectDir, String path) {
        return SeedCodeArchive.folderArchive(projectDir.resolve(path).toString());
    }
}
