package com.sagemakermlops.engine;

import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recording engine keeps what the program asked of the engine beside the inputs: the options that decide how a
 * replacement or a deletion happens, and which resource each input came from.
 */
class RecordingMonitorOptionsTest {
    private static Recording recording;

    @BeforeAll
    static void record() {
        recording = TestStacks.run("options", TestStacks.cloud(), ctx -> {
            var kept = new BucketV2("kept", BucketV2Args.builder().bucket("kept-bucket").build(),
                    CustomResourceOptions.builder()
                            .deleteBeforeReplace(true)
                            .retainOnDelete(true)
                            .replaceOnChanges("bucket")
                            .ignoreChanges("tags")
                            .customTimeouts(CustomTimeouts.builder()
                                    .create(Duration.ofMinutes(90)).update(Duration.ofMinutes(75)).build())
                            .build());
            new BucketV2("plain", BucketV2Args.builder().bucket("plain-bucket").build());
            new Parameter("points-at-kept", ParameterArgs.builder()
                    .name("/kept/name")
                    .type("String")
                    .value(kept.bucket())
                    .description(Output.of("constant"))
                    .build());
        });
        assertThat(recording.errors()).isEmpty();
    }

    @Test
    void theOptionsOfARegistrationAreKept() {
        ResourceOptions options = recording.named("aws:s3/bucketV2:BucketV2", "kept").options();
        assertThat(options.deleteBeforeReplace()).contains(true);
        assertThat(options.retainOnDelete()).isTrue();
        assertThat(options.replaceOnChanges()).containsExactly("bucket");
        assertThat(options.ignoreChanges()).containsExactly("tags");
        // The Java SDK sends Go duration strings in nanoseconds.
        assertThat(options.customTimeouts()).containsEntry("create", Duration.ofMinutes(90).toNanos() + "ns")
                .containsEntry("update", Duration.ofMinutes(75).toNanos() + "ns").doesNotContainKey("delete");
        assertThat(options.asMap()).containsKeys("deleteBeforeReplace", "retainOnDelete", "replaceOnChanges",
                "ignoreChanges", "customTimeouts");
        assertThat(ResourceOptions.fromMap(options.asMap())).isEqualTo(options);
    }

    @Test
    void aRegistrationThatSetsNoOptionRecordsNone() {
        RecordedResource plain = recording.named("aws:s3/bucketV2:BucketV2", "plain");
        assertThat(plain.options()).isEqualTo(ResourceOptions.NONE);
        assertThat(plain.options().deleteBeforeReplace()).isEmpty();
        assertThat(plain.options().deletesBeforeReplacing()).isFalse();
        assertThat(plain.options().asMap()).isEmpty();
    }

    @Test
    void eachInputKnowsTheResourceItCameFrom() {
        RecordedResource kept = recording.named("aws:s3/bucketV2:BucketV2", "kept");
        RecordedResource parameter = recording.named("aws:ssm/parameter:Parameter", "points-at-kept");
        assertThat(parameter.propertyDependencies()).containsEntry("value", List.of(kept.urn()))
                .doesNotContainKey("name").doesNotContainKey("description");
        assertThat(parameter.options().deleteBeforeReplace()).isEmpty();
    }

    @Test
    void optionsReadBackFromPlanJsonDefaultToNone() {
        assertThat(ResourceOptions.fromMap(null)).isEqualTo(ResourceOptions.NONE);
        assertThat(ResourceOptions.fromMap(Map.of("retainOnDelete", true)).retainOnDelete()).isTrue();
        assertThat(ResourceOptions.fromMap(Map.of("deleteBeforeReplace", false)).deleteBeforeReplace())
                .contains(false);
    }
}
