package com.sagemakermlops.config;

import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code deploy.pulumiBackendUrl} and {@code deploy.pulumiAccessTokenSecretArn}: Pulumi Cloud for the hosting stacks. */
class DeployBackendConfigTest {
    private static final String TOKEN = "arn:aws:secretsmanager:us-west-2:123456789012:secret:pulumi-token-AbCdEf";
    private static final String TOOLING = """
            config:
              aws:region: us-west-2
              sagemaker-mlops:role: tooling
              sagemaker-mlops:product: {org: globalbank, environment: prod, clientId: c001, name: fraud-detection}
              sagemaker-mlops:training:
                projectName: training
                seedCodePath: seed-code/model-build
              sagemaker-mlops:deploy:
                projectName: deploy
                seedCodePath: seed-code/model-deploy
            """;

    private static List<String> problems(String deployLines) {
        var e = catchThrowableOfType(() -> TestStacks.config(TOOLING + deployLines), InvalidConfigException.class);
        return e == null ? List.of() : e.problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void withoutEitherKeyTheToolingAccountKeepsTheState() {
        assertThat(TestStacks.config(TOOLING).requireDeploy().pulumiCloud()).isEmpty();
    }

    @Test
    void theTokenAloneMeansPulumiCloudAtItsUsualAddress() {
        assertThat(TestStacks.config(TOOLING + "    pulumiAccessTokenSecretArn: " + TOKEN + "\n").requireDeploy()
                .pulumiCloud()).isEqualTo(Optional.of(new PulumiCloudBackend("https://api.pulumi.com", TOKEN)));
        assertThat(TestStacks.config(TOOLING + "    pulumiAccessTokenSecretArn: " + TOKEN + "\n"
                + "    pulumiBackendUrl: https://pulumi.globalbank.example.com\n").requireDeploy().pulumiCloud()
                .map(PulumiCloudBackend::url)).contains("https://pulumi.globalbank.example.com");
    }

    @Test
    void aBackendUrlNeedsTheTokenAndHttps() {
        assertThat(problems("    pulumiBackendUrl: https://api.pulumi.com\n")).containsExactly(
                "sagemaker-mlops:deploy.pulumiAccessTokenSecretArn: is required with pulumiBackendUrl: the Secrets "
                        + "Manager secret holding the access token the deploy builds log in with");
        assertThat(problems("    pulumiBackendUrl: http://api.pulumi.com\n    pulumiAccessTokenSecretArn: " + TOKEN
                + "\n")).singleElement().satisfies(p -> assertThat(p)
                .startsWith("sagemaker-mlops:deploy.pulumiBackendUrl: expected an https:// URL"));
        assertThat(problems("    pulumiAccessTokenSecretArn: arn:aws:ssm:us-west-2:123456789012:parameter/token\n"))
                .singleElement().satisfies(p -> assertThat(p)
                        .startsWith("sagemaker-mlops:deploy.pulumiAccessTokenSecretArn: expected"));
    }
}
