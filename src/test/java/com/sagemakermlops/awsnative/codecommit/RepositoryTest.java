package com.sagemakermlops.awsnative.codecommit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.ResourceType;
import com.sagemakermlops.awsnative.codecommit.inputs.RepositoryCodeArgs;
import com.sagemakermlops.awsnative.codecommit.inputs.RepositoryS3Args;
import com.sagemakermlops.awsnative.codecommit.inputs.RepositoryTriggerArgs;
import com.sagemakermlops.awsnative.codecommit.inputs.TagArgs;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepositoryTest {
    @Test
    void pluginJsonNamesThePinnedAwsNativePlugin() {
        JsonObject plugin = JsonParser.parseReader(new InputStreamReader(Objects.requireNonNull(
                getClass().getClassLoader().getResourceAsStream(AwsNativePlugin.RESOURCE)), StandardCharsets.UTF_8))
                .getAsJsonObject();
        assertThat(plugin.get("resource").getAsBoolean()).isTrue();
        assertThat(plugin.get("name").getAsString()).isEqualTo("aws-native");
        assertThat(plugin.get("version").getAsString()).matches("\\d+\\.\\d+\\.\\d+").isEqualTo("1.30.0");
        assertThat(AwsNativePlugin.version()).isEqualTo("1.30.0");
    }

    @Test
    void typeTokenIsTheAwsNativeOne() {
        assertThat(Repository.class.getAnnotation(ResourceType.class).type())
                .isEqualTo("aws-native:codecommit:Repository");
    }

    @Test
    void registersCloudFormationShapedInputsAndReadsItsOutputs() {
        Map<String, Object>[] outputs = new Map[1];
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> {
            Repository repository = new Repository("repo", RepositoryArgs.builder()
                    .repositoryName("model-build")
                    .repositoryDescription("training code")
                    .kmsKeyId(Output.of("arn:aws:kms:us-west-2:111122223333:key/k"))
                    .code(RepositoryCodeArgs.builder().branchName("main").s3(RepositoryS3Args.builder()
                            .bucket(Output.of("b")).key(Output.of("seed.zip")).objectVersion(Output.of("v1"))
                            .build()).build())
                    .tags(TagArgs.of(Map.of("product", "p")))
                    .triggers(List.of(RepositoryTriggerArgs.of("notify",
                            Output.of("arn:aws:sns:us-west-2:111122223333:t"), List.of("all"), List.of())))
                    .build());
            ctx.export("arn", repository.arn());
            ctx.export("awsId", repository.awsId());
            ctx.export("name", repository.name());
            ctx.export("cloneUrlSsh", repository.cloneUrlSsh());
        });
        assertThat(recording.errors()).isEmpty();
        assertThat(recording.named(Repository.TYPE, "repo").inputValues())
                .containsEntry("repositoryName", "model-build")
                .containsEntry("repositoryDescription", "training code")
                .containsEntry("code", Map.of("branchName", "main",
                        "s3", Map.of("bucket", "b", "key", "seed.zip", "objectVersion", "v1")))
                .containsEntry("tags", List.of(Map.of("key", "product", "value", "p")))
                .containsEntry("triggers", List.of(Map.of("name", "notify", "events", List.of("all"),
                        "destinationArn", "arn:aws:sns:us-west-2:111122223333:t")));
        assertThat(recording.outputs()).containsEntry("arn", "arn:aws:codecommit:us-west-2:111122223333:model-build")
                .containsEntry("name", "model-build")
                .containsEntry("cloneUrlSsh", "ssh://git-codecommit.us-west-2.amazonaws.com/v1/repos/model-build");
        assertThat(recording.outputs().get("awsId")).asString().isNotBlank();
    }

    @Test
    void repositoryNameIsRequired() {
        assertThatThrownBy(() -> RepositoryArgs.builder().build()).hasMessageContaining("repositoryName");
        assertThatThrownBy(() -> RepositoryCodeArgs.builder().build()).hasMessageContaining("s3");
    }
}
