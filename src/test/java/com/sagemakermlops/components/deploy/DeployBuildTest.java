package com.sagemakermlops.components.deploy;

import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.naming.PhysicalName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.sagemakermlops.components.deploy.DeployFixtures.NAMING;
import static com.sagemakermlops.components.deploy.DeployFixtures.PREPROD;
import static com.sagemakermlops.components.deploy.DeployFixtures.PROD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DeployBuildTest {
    private static final String BACKEND = "s3://state?region=us-west-2&awssdk=v2";
    private static final String SECRETS = "awskms:///arn:aws:kms:us-west-2:111122223333:key/k?region=us-west-2";

    @Test
    void preprodVariablesAreThoseTheSeedCodeReadsWithTheExternalId() {
        Map<String, String> vars = DeployBuild.variables(PREPROD, "arn:aws:iam::222233334444:role/d",
                "ext-preprod", "group", BACKEND, SECRETS);

        assertThat(vars).containsExactly(
                entry("STAGE", "preprod"),
                entry("PULUMI_STACK", "preprod"),
                entry("MODEL_PACKAGE_GROUP_NAME", "group"),
                entry("PULUMI_BACKEND_URL", BACKEND),
                entry("PULUMI_SECRETS_PROVIDER", SECRETS),
                entry("PULUMI_VERSION", "3.190.0"),
                entry("DEPLOY_ROLE_ARN", "arn:aws:iam::222233334444:role/d"),
                entry("TARGET_ACCOUNT_ID", "222233334444"),
                entry("TARGET_REGION", "us-east-1"),
                entry("SMOKE_TEST_ROLE_ARN", "arn:aws:iam::222233334444:role/d"),
                entry("ENDPOINT_REGION", "us-east-1"),
                entry("EXTERNAL_ID", "ext-preprod"),
                entry("SMOKE_TEST_EXTERNAL_ID", "ext-preprod"));
    }

    @Test
    void theExternalIdTheTrustRequiresIsGivenToTheBuildAndTheSmokeTest() {
        Map<String, String> vars = DeployBuild.variables(PROD, "arn:aws:iam::333344445555:role/d", "p-prod",
                "group", BACKEND, SECRETS);

        assertThat(vars).containsEntry("STAGE", "prod").containsEntry("PULUMI_STACK", "prod")
                .containsEntry("TARGET_ACCOUNT_ID", "333344445555")
                .containsEntry("EXTERNAL_ID", "p-prod").containsEntry("SMOKE_TEST_EXTERNAL_ID", "p-prod");
    }

    @Test
    void backendAndSecretsProviderUrlsHaveTheCliFormats() {
        assertThat(StateBackend.backendUrl("my-state", "eu-west-1")).isEqualTo("s3://my-state?region=eu-west-1&awssdk=v2");
        assertThat(StateBackend.secretsProvider("arn:aws:kms:eu-west-1:111122223333:key/abc", "eu-west-1"))
                .isEqualTo("awskms:///arn:aws:kms:eu-west-1:111122223333:key/abc?region=eu-west-1");
    }

    @Test
    void projectAndLogGroupNamesFollowTheProductName() {
        String name = DeployBuild.projectName(NAMING, TargetEnvironment.Stage.PROD);

        assertThat(name).isEqualTo(NAMING.physical(PhysicalName.CODEBUILD, "deploy-prod"))
                .startsWith(NAMING.productName());
        assertThat(DeployBuild.logGroupName(name)).isEqualTo("/aws/codebuild/" + name);
    }
}
