package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetArchive;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProgramBundleTest {
    private static final List<String> KEPT = List.of("pom.xml", "Pulumi.yaml", "mlops", "Pulumi.preprod.yaml",
            "policy/PulumiPolicy.yaml", "policy/pulumi-analyzer-policy-mlops-java",
            "src/main/java/com/example/App.java", "src/main/resources/seed.json",
            "policy/src/main/java/com/example/Pack.java");
    private static final List<String> IGNORED = List.of("src/main/.DS_Store", "src/main/java/com/example/.App.java.swp",
            "src/main/resources/.idea/workspace.xml", "src/main/resources/__pycache__/x.pyc",
            "policy/src/main/.DS_Store", "policy/src/main/java/com/example/.Pack.java.swp",
            "policy/src/main/java/.cache/entry");

    @Test
    @SuppressWarnings("unchecked")
    void theProgramsFoldersCarryTheirFilesAndNothingHiddenOrCachedAtAnyDepth(@TempDir Path project)
            throws IOException {
        for (String file : Stream.concat(KEPT.stream(), IGNORED.stream()).toList()) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), file);
        }
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> new BucketObjectv2("bundle",
                BucketObjectv2Args.builder().bucket("models").key("program.zip")
                        .source(new AssetArchive(ProgramBundle.of(project, List.of(TargetEnvironment.Stage.PREPROD))))
                        .build()));
        assertThat(recording.errors()).isEmpty();

        Map<String, String> files = new TreeMap<>();
        collect("", (Map<String, Object>) recording.named("aws:s3/bucketObjectv2:BucketObjectv2", "bundle")
                .inputValues().get("source"), files);
        assertThat(files.keySet()).containsExactlyInAnyOrderElementsOf(KEPT.stream()
                .map(file -> ProgramBundle.FOLDER + "/" + file).toList());
        files.forEach((entry, asset) -> assertThat(asset).contains("path="
                + project.resolve(entry.substring(ProgramBundle.FOLDER.length() + 1))));
    }

    /** Every file of a recorded archive, by its path in the archive, with its recorded asset. */
    @SuppressWarnings("unchecked")
    private static void collect(String prefix, Map<String, Object> archive, Map<String, String> files) {
        ((Map<String, Object>) archive.get("assets")).forEach((name, entry) -> {
            if (entry instanceof Map<?, ?> nested && nested.containsKey("assets")) {
                collect(prefix + name + "/", (Map<String, Object>) nested, files);
            } else {
                files.put(prefix + name, String.valueOf(entry));
            }
        });
    }
}
