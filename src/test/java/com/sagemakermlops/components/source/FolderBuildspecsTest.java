package com.sagemakermlops.components.source;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed buildspecs run from the folder the source says ({@link SourceBuild#FOLDER}): CodeBuild starts every
 * build in the source root ({@code CODEBUILD_SRC_DIR}), which for a CodeStar repository holds both folders. The deploy
 * buildspec unpacks the source bundle (CodeStar: {@code program/}) before anything uses {@code program/}.
 */
class FolderBuildspecsTest {
    static final String ENTER = "cd \"$CODEBUILD_SRC_DIR/${" + SourceBuild.FOLDER + ":-.}\"";

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> phases(String folder) throws IOException {
        Map<String, Object> spec = new Yaml().load(Files.readString(Path.of("seed-code", folder, "buildspec.yml")));
        return (Map<String, Map<String, Object>>) spec.get("phases");
    }

    @SuppressWarnings("unchecked")
    private static List<String> commands(Map<String, Object> phase) {
        return (List<String>) phase.get("commands");
    }

    @Test
    void everyPhaseOfBothBuildspecsStartsInTheSourceFolder() throws IOException {
        for (String folder : List.of("model-build", "model-deploy")) {
            phases(folder).forEach((name, phase) -> assertThat(commands(phase)).as(folder + " " + name)
                    .first().isEqualTo(ENTER));
        }
    }

    @Test
    void theDeployBuildUnpacksTheVersionedBundleBeforeItUsesTheProgram() throws IOException {
        List<String> preBuild = commands(phases("model-deploy").get("pre_build"));
        int fetch = -1;
        for (int i = 0; i < preBuild.size(); i++) {
            if (preBuild.get(i).contains("aws s3api get-object")) {
                fetch = i;
            }
        }
        assertThat(fetch).as("the bundle fetch in pre_build").isEqualTo(1);
        assertThat(preBuild.get(fetch)).contains("if [ -n \"${" + SourceBuild.BUNDLE_KEY + ":-}\" ]")
                .contains("--bucket \"$" + SourceBuild.BUNDLE_BUCKET + "\"")
                .contains("--key \"$" + SourceBuild.BUNDLE_KEY + "\"")
                .contains("--version-id \"$" + SourceBuild.BUNDLE_VERSION + "\"")
                .contains("> /dev/null &&")
                .contains("unzip -q -o /tmp/source-bundle.zip -d .");
        assertThat(commands(phases("model-deploy").get("install"))).noneMatch(c -> c.contains("program"));
        assertThat(preBuild.subList(0, fetch)).noneMatch(c -> c.contains("program"));
        assertThat(preBuild.subList(fetch + 1, preBuild.size())).anyMatch(c -> c.contains("program/mlops"));
    }
}
