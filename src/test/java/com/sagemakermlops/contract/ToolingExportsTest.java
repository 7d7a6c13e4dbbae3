package com.sagemakermlops.contract;

import com.pulumi.core.Output;
import com.pulumi.resources.StackReference;
import com.pulumi.resources.StackReferenceArgs;
import com.sagemakermlops.components.hosting.ToolingFixture;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ToolingExportsTest {

    /** What a hosting stack reads back from {@code outputs}: the preprod and prod entries, as text. */
    private static Recording readBack(Map<String, Object> outputs) {
        return TestStacks.run("preprod", TestStacks.cloud(Map.of("dev", outputs)), ctx -> {
            var tooling = ToolingExports.readFrom(new StackReference("tooling",
                    StackReferenceArgs.builder().name("dev").build()));
            ctx.export("preprod", tooling.stage(Stage.PREPROD).applyValue(StageExports::toString));
            ctx.export("kmsKeyArn", tooling.store().kmsKeyArn());
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withEntry(String stage, String key, Object value) {
        Map<String, Object> outputs = new HashMap<>(ToolingFixture.outputs());
        Map<String, Object> environments = new HashMap<>((Map<String, Object>) outputs.get("environments"));
        Map<String, Object> entry = new LinkedHashMap<>((Map<String, Object>) environments.get(stage));
        entry.put(key, value);
        environments.put(stage, entry);
        outputs.put("environments", environments);
        return outputs;
    }

    @Test
    void theOutputsKeepTheNamesOperatorsChecksAndHostingStacksRead() {
        Map<String, Object> outputs = ToolingFixture.outputs();
        assertThat(outputs).containsOnlyKeys("productName", "partition", "toolingAccountId", "region", "kmsKeyArn",
                "modelBucketName", "modelBucketArn", "modelPackageGroupName", "modelPackageGroupArn", "environments");
        Map<String, Object> prod = new LinkedHashMap<>();
        prod.put("accountId", TestStacks.PROD_ACCOUNT);
        prod.put("region", "us-west-2");
        prod.put("subnetIds", List.of());
        prod.put("securityGroupIds", List.of());
        prod.put("deployRoleArn", "arn:aws:iam::333344445555:role/" + ToolingFixture.PRODUCT + "-prod-deploy");
        prod.put("executionRoleArn",
                "arn:aws:iam::333344445555:role/" + ToolingFixture.PRODUCT + "-prod-sagemaker-execution");
        prod.put("externalId", "prod-2f9c41d7");
        prod.put("enableNetworkIsolation", true);
        prod.put("enableDataCapture", false);
        assertThat(outputs.get("environments")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsOnlyKeys("preprod", "prod").containsEntry("prod", prod);
        assertThat(outputs).containsEntry("kmsKeyArn", ToolingFixture.KMS_KEY_ARN)
                .containsEntry("modelPackageGroupArn", ToolingFixture.GROUP_ARN);
    }

    @Test
    void whatTheToolingStackExportsIsWhatTheHostingStackReads() {
        Recording read = readBack(ToolingFixture.outputs());
        assertThat(read.errors()).isEmpty();
        assertThat(read.outputs()).containsEntry("preprod", ToolingFixture.preprod().toString())
                .containsEntry("kmsKeyArn", ToolingFixture.KMS_KEY_ARN);
        assertThat(ToolingExports.problems(ToolingFixture.outputs())).isEmpty();
    }

    @Test
    void aSecretEnvironmentKeepsTheOtherOutputsInTheOpen() {
        ToolingExports fixture = ToolingFixture.tooling();
        Recording tooling = TestStacks.run("dev", TestStacks.cloud(), ctx -> new ToolingExports(fixture.product(),
                fixture.store(), Output.ofSecret(Map.of(Stage.PREPROD, ToolingFixture.preprod()))).exportTo(ctx));
        assertThat(tooling.secretOutputs()).containsExactly("environments");
    }

    @Test
    void problemsNameEachOutputItsPathAndWhatWasExpected() {
        Map<String, Object> outputs = withEntry("preprod", "subnetIds", "subnet-0a1b2c3d4e5f60718");
        outputs.remove("kmsKeyArn");
        outputs.put("toolingAccountId", 1.11122223333E11);
        outputs = new HashMap<>(outputs);
        @SuppressWarnings("unchecked")
        Map<String, Object> environments = new HashMap<>((Map<String, Object>) outputs.get("environments"));
        @SuppressWarnings("unchecked")
        Map<String, Object> prod = new HashMap<>((Map<String, Object>) environments.get("prod"));
        prod.put("enableDataCapture", "yes");
        prod.put("vpcId", "");
        environments.put("prod", prod);
        outputs.put("environments", environments);

        assertThat(ToolingExports.problems(outputs)).containsExactly(
                "toolingAccountId: expected a non-empty string, got the number 111122223333",
                "kmsKeyArn: expected a non-empty string, got nothing",
                "environments.preprod.subnetIds: expected a list of strings, got \"subnet-0a1b2c3d4e5f60718\"",
                "environments.prod.vpcId: expected a non-empty string, got \"\"",
                "environments.prod.enableDataCapture: expected true or false, got \"yes\"");
        assertThat(ToolingExports.problems(Map.of("environments", List.of()))).contains(
                "productName: expected a non-empty string, got nothing",
                "environments: expected an object of stages, got a list");
    }

    @Test
    void aHostingStackFailsWithThePathOfAnOutputItCannotRead() {
        Map<String, Object> outputs = withEntry("preprod", "deployRoleArn", null);
        assertThat(TestStacks.failureOf(() -> readBack(outputs))).contains("the tooling stack's outputs are not what "
                + "this program reads: environments.preprod.deployRoleArn: expected a non-empty string, got nothing");
    }

    @Test
    void theStagesOfPlainOutputsDecodeToTheirEntries() {
        assertThat(ToolingExports.environmentsOf(ToolingFixture.outputs()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(Stage.PREPROD, ToolingFixture.preprod(),
                        Stage.PROD, ToolingFixture.prod()));
    }
}
