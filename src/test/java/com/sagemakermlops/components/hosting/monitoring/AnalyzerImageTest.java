package com.sagemakermlops.components.hosting.monitoring;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitoring jobs run the analyzer the seed pipeline's baseline step runs, from the same registries. */
class AnalyzerImageTest {
    private static final Path SEED_IMAGES = Path.of("seed-code/model-build/pipelines/images.py");

    private static Map<String, String> seedAccounts() throws IOException {
        String source = Files.readString(SEED_IMAGES);
        String table = source.substring(source.indexOf("MODEL_MONITOR_IMAGE_ACCOUNTS = {"));
        table = table.substring(0, table.indexOf('}'));
        Map<String, String> accounts = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("\"([a-z0-9-]+)\": \"(\\d{12})\"").matcher(table);
        while (entry.find()) {
            accounts.put(entry.group(1), entry.group(2));
        }
        return accounts;
    }

    @Test
    void theRegistriesAreTheSeedPipelines() throws IOException {
        Map<String, String> seed = seedAccounts();
        assertThat(seed).hasSizeGreaterThan(20);
        assertThat(AnalyzerImage.ACCOUNTS).isEqualTo(seed);
        assertThat(Files.readString(SEED_IMAGES)).contains("MODEL_MONITOR_REPOSITORY = \"" + AnalyzerImage.REPOSITORY + "\"");
    }

    @Test
    void theImageAndItsRepositoryAreThoseOfTheRegion() {
        assertThat(AnalyzerImage.uri("eu-west-1"))
                .contains("468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer");
        assertThat(AnalyzerImage.repositoryArn("eu-west-1"))
                .contains("arn:aws:ecr:eu-west-1:468650794304:repository/sagemaker-model-monitor-analyzer");
        assertThat(AnalyzerImage.uri("ap-south-2")).isEmpty();
    }
}
