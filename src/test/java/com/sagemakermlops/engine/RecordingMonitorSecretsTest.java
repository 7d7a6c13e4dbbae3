package com.sagemakermlops.engine;

import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.StackReference;
import com.sagemakermlops.policy.PropertyValues;
import com.sagemakermlops.policy.PropertyValues.Secret;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret stays secret through the recording engine as through the Pulumi engine (see {@link EngineSecrets} for the
 * engine's rules and their sources): a resource's output is secret when the input of that name was, or when the
 * program lists it in {@code additionalSecretOutputs}; a referenced stack's secret output is secret where it is read;
 * and whatever depends on a secret output receives a secret, in its inputs and in the stack's outputs.
 */
class RecordingMonitorSecretsTest {
    private static final String PARAMETER = "aws:ssm/parameter:Parameter";
    private static Recording recording;

    @BeforeAll
    static void record() {
        Map<String, Object> tooling = Map.of("token", new Secret("t0ken"), "bucketName", "models-bucket");
        recording = TestStacks.run("secrets", TestStacks.cloud(Map.of("tooling", tooling)), ctx -> {
            var secretInput = new Parameter("secret-input", ParameterArgs.builder()
                    .name("/secret/input").type("String").value("v").description(Output.ofSecret("s3cr3t")).build());
            new Parameter("copies-secret", ParameterArgs.builder()
                    .name("/copies/secret").type("String").value(secretInput.name())
                    .description(secretInput.description().applyValue(d -> d.orElse(""))).build());

            var listed = new Parameter("listed", ParameterArgs.builder()
                    .name("/listed").type("String").value("plain-value").build(),
                    CustomResourceOptions.builder().additionalSecretOutputs("arn", "id").build());
            new Parameter("copies-listed", ParameterArgs.builder()
                    .name("/copies/listed").type("String").value(listed.arn()).description(listed.id())
                    .insecureValue(listed.value()).build());

            var reference = new StackReference("organization/sagemaker-mlops/tooling");
            new Parameter("copies-reference", ParameterArgs.builder()
                    .name("/copies/reference").type("SecureString")
                    .value(reference.requireOutput("token").applyValue(String::valueOf))
                    .description(reference.requireOutput("bucketName").applyValue(String::valueOf)).build());

            ctx.export("copiedSecret", secretInput.description().applyValue(d -> d.orElse("")));
            ctx.export("copiedName", secretInput.name());
            ctx.export("copiedToken", reference.requireOutput("token"));
        });
        assertThat(recording.errors()).isEmpty();
    }

    private static Map<String, Object> inputs(String name) {
        return recording.named(PARAMETER, name).inputValues();
    }

    @Test
    void anOutputWhoseInputWasSecretIsSecretAndSoIsWhatUsesIt() {
        assertThat(recording.named(PARAMETER, "secret-input").outputValues().get("description"))
                .isEqualTo(new Secret("s3cr3t"));
        assertThat(inputs("copies-secret").get("description")).isEqualTo(new Secret("s3cr3t"));
        assertThat(recording.secretOutputs()).contains("copiedSecret");
    }

    @Test
    void outputsWhoseInputsWerePlainStayPlain() {
        assertThat(recording.named(PARAMETER, "secret-input").outputValues().get("name")).isEqualTo("/secret/input");
        assertThat(inputs("copies-secret").get("value")).isEqualTo("/secret/input");
        assertThat(recording.outputs()).containsEntry("copiedName", "/secret/input");
        assertThat(recording.secretOutputs()).doesNotContain("copiedName");
    }

    /**
     * The program's list, and the provider's own: pulumi-aws lists {@code value} of {@code aws.ssm.Parameter} in its
     * additional secret outputs (com.pulumi:aws 6.83.0, {@code com/pulumi/aws/ssm/Parameter.java}, makeResourceOptions).
     */
    @Test
    void additionalSecretOutputsAreSecretExceptTheId() {
        assertThat(inputs("copies-listed").get("value")).isInstanceOf(Secret.class);
        assertThat(PropertyValues.unwrap(inputs("copies-listed").get("value"))).asString().startsWith("arn:aws:ssm:");
        assertThat(inputs("copies-listed").get("description")).isInstanceOf(String.class);
        assertThat(inputs("copies-listed").get("insecureValue")).isEqualTo(new Secret("plain-value"));
        assertThat(recording.named(PARAMETER, "listed").outputValues().get("name")).isEqualTo("/listed");
    }

    @Test
    void aReferencedStacksSecretOutputIsSecretWhereItIsRead() {
        assertThat(inputs("copies-reference").get("value")).isEqualTo(new Secret("t0ken"));
        assertThat(inputs("copies-reference").get("description")).isEqualTo("models-bucket");
        assertThat(recording.secretOutputs()).contains("copiedToken");
        @SuppressWarnings("unchecked")
        Map<String, Object> read = (Map<String, Object>) recording.named(RecordedResource.STACK_REFERENCE_TYPE,
                "organization/sagemaker-mlops/tooling").outputValues().get("outputs");
        assertThat(read).containsEntry("token", new Secret("t0ken")).containsEntry("bucketName", "models-bucket");
    }

    @Test
    void aRecordingHandsItsSecretOutputsOnAsSecrets() {
        assertThat(recording.referencedOutputs()).containsEntry("copiedSecret", new Secret("s3cr3t"))
                .containsEntry("copiedName", "/secret/input");
    }
}
