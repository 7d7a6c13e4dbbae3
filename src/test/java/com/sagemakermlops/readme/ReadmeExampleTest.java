package com.sagemakermlops.readme;

import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Using the components in your own program" shows {@link ServingApp} as it is here, and the program
 * runs: what a reader copies compiles and deploys the resources it promises.
 */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/com/sagemakermlops/readme/ServingApp.java");
    private static final String SECTION = "## Using the components in your own program";

    @Test
    void theReadmeShowsTheProgramAsItIsHere() throws IOException {
        String readme = Files.readString(TestStacks.ROOT.resolve("README.md"));
        assertThat(readme).contains(SECTION);
        String section = readme.substring(readme.indexOf(SECTION));
        String block = section.substring(section.indexOf("```java\n") + "```java\n".length());
        block = block.substring(0, block.indexOf("```"));
        String program = Files.readString(TestStacks.ROOT.resolve(SOURCE));
        assertThat(block).isEqualTo(program.substring(program.indexOf("import ")));
    }

    @Test
    void theProgramServesTheModelThroughItsProviderAndPassesThePolicyPack() {
        Recording recording = TestStacks.run("live", TestStacks.cloud(), ServingApp::define);
        assertThat(recording.errors()).isEmpty();
        String provider = recording.named("pulumi:providers:aws", "serving").urn();
        List<RecordedResource> aws = recording.resources().stream().filter(r -> r.type().startsWith("aws:")).toList();
        assertThat(aws).extracting(RecordedResource::type).contains("aws:sagemaker/model:Model",
                "aws:sagemaker/endpointConfiguration:EndpointConfiguration", "aws:sagemaker/endpoint:Endpoint");
        assertThat(aws).allSatisfy(r -> assertThat(r.provider()).as(r.name()).contains(provider));
        Map<String, Object> config = recording.named("aws:sagemaker/endpointConfiguration:EndpointConfiguration",
                "churn-config").inputValues();
        String bucket = String.valueOf(recording.named("aws:s3/bucketV2:BucketV2", "store-models")
                .inputValues().get("bucket"));
        String key = String.valueOf(recording.named("aws:kms/key:Key", "store-key").outputValues().get("arn"));
        assertThat(config).containsEntry("kmsKeyArn", key).extractingByKey("dataCaptureConfig")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("destinationS3Uri", "s3://" + bucket + "/data-capture/live/")
                .containsEntry("kmsKeyId", key);
        assertThat(recording.named("aws:sagemaker/model:Model", "churn-model").inputValues())
                .containsEntry("primaryContainer", Map.of("modelPackageName", "arn:aws:sagemaker:eu-west-1:"
                        + ServingApp.ACCOUNT + ":model-package/acme-prod-c001-eu-west-1-churn-ml-models/7"));
        assertThat(String.valueOf(recording.outputs().get("endpointName")))
                .isEqualTo("acme-prod-c001-eu-west-1-churn-ml-live-endpoint");
        List<PolicyFinding> findings = PolicyPack.standard().evaluate(
                recording.resources().stream().map(RecordedResource::toPolicyResource).toList(),
                PolicyPackConfig.defaults());
        assertThat(findings).filteredOn(PolicyFinding::blocking).isEmpty();
    }
}
