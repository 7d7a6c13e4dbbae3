package com.sagemakermlops.components.deploy;

import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.PulumiCloudBackend;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.engine.Recording;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.sagemakermlops.components.deploy.DeployFixtures.args;
import static com.sagemakermlops.components.deploy.DeployFixtures.run;
import static com.sagemakermlops.components.deploy.DeployFixtures.statement;
import static com.sagemakermlops.components.deploy.DeployFixtures.statements;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the deploy builds keep the hosting stacks: the state bucket and secrets key in the tooling account, or Pulumi
 * Cloud with an access token from Secrets Manager; and what the builds need to outlast a deployment.
 */
class DeployBackendTest {
    private static final String PROJECT = "aws:codebuild/project:Project";
    private static final String TOKEN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:pulumi-token-AbCdEf";
    private static final Recording SELF_MANAGED = run(args(DeployFixtures.both(), Tier.PROFESSIONAL));
    private static final Recording CLOUD = run(args(withPulumiCloud(DeployFixtures.both()), Tier.PROFESSIONAL));

    private static DeployConfig withPulumiCloud(DeployConfig d) {
        return new DeployConfig(d.projectName(), d.domainId(), d.domainArn(), d.modelPackageGroupName(),
                d.modelBucketName(), d.pipelineBucketName(), d.enableNetworkIsolation(), d.enableManualApproval(),
                d.enableEventBridgeTrigger(), d.enableDataCapture(), d.seedCodePath(), d.devEnvironment(),
                d.preProdEnvironment(), d.prodEnvironment(), d.buildPolicies(), d.operatorRoleArns(),
                Optional.of(new PulumiCloudBackend(PulumiCloudBackend.DEFAULT_URL, TOKEN)));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> variables(Recording recording, String project) {
        Map<String, Object> environment = (Map<String, Object>) recording.named(PROJECT, project).inputValues()
                .get("environment");
        return (List<Map<String, Object>>) environment.get("environmentVariables");
    }

    private static Map<String, Object> variable(Recording recording, String project, String name) {
        return variables(recording, project).stream().filter(v -> name.equals(v.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no variable " + name + " in " + project));
    }

    @Test
    void withPulumiCloudTheBuildsLogInWithTheTokenFromSecretsManagerAndNoStateBucketIsMade() {
        for (String project : List.of("deploy-preprod", "deploy-prod")) {
            assertThat(variable(CLOUD, project, DeployBuild.ACCESS_TOKEN_VARIABLE))
                    .containsEntry("type", "SECRETS_MANAGER").containsEntry("value", TOKEN);
            assertThat(variable(CLOUD, project, "PULUMI_BACKEND_URL")).containsEntry("value", "https://api.pulumi.com")
                    .containsEntry("type", "PLAINTEXT");
            assertThat(variable(CLOUD, project, "PULUMI_SECRETS_PROVIDER")).containsEntry("value", "default");
        }
        assertThat(CLOUD.ofType("aws:s3/bucketV2:BucketV2")).isEmpty();
        assertThat(CLOUD.ofType("aws:kms/key:Key")).isEmpty();
        assertThat(CLOUD.outputs()).doesNotContainKeys("stateBucketName", "secretsKeyArn");
    }

    @Test
    void theTokenIsReadableByTheDeployBuildRolesAndNothingElseOfTheBackendIs() {
        for (String stage : List.of("preprod", "prod")) {
            Object policy = CLOUD.named("aws:iam/rolePolicy:RolePolicy", "deploy-build-" + stage + "-permissions")
                    .inputValues().get("policy");
            assertThat(statement(policy, "ReadPulumiAccessToken"))
                    .containsEntry("Action", List.of("secretsmanager:GetSecretValue"))
                    .containsEntry("Resource", List.of(TOKEN));
            assertThat(statements(policy)).extracting(s -> s.get("Sid"))
                    .doesNotContain("ListStateBucket", "ReadWriteState", "UseSecretsKey");
        }
        Object selfManaged = SELF_MANAGED.named("aws:iam/rolePolicy:RolePolicy", "deploy-build-prod-permissions")
                .inputValues().get("policy");
        assertThat(statements(selfManaged)).extracting(s -> s.get("Sid")).contains("ReadWriteState", "UseSecretsKey")
                .doesNotContain("ReadPulumiAccessToken");
        assertThat(variables(SELF_MANAGED, "deploy-prod")).allSatisfy(v -> assertThat(v).containsEntry("type", "PLAINTEXT"));
    }

    @Test
    void theBuildsOutlastTheLongestWaitForTheEndpointOnTheMeasuredComputeSize() {
        for (Recording recording : List.of(SELF_MANAGED, CLOUD)) {
            for (String project : List.of("deploy-preprod", "deploy-prod")) {
                Map<String, Object> inputs = recording.named(PROJECT, project).inputValues();
                assertThat(((Number) inputs.get("buildTimeout")).intValue()).isEqualTo(DeployBuild.TIMEOUT_MINUTES);
                assertThat(((Map<?, ?>) inputs.get("environment")).get("computeType"))
                        .isEqualTo(DeployBuild.COMPUTE_TYPE);
            }
        }
        assertThat(DeployBuild.TIMEOUT_MINUTES).isGreaterThan(
                com.sagemakermlops.config.HostingConfig.Deployment.PROVIDER_WAIT_MINUTES + DeployBuild.STEPS_MINUTES);
    }
}
