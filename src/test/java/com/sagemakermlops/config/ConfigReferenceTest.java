package com.sagemakermlops.config;

import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration reference lists exactly the keys the parser reads. */
class ConfigReferenceTest {
    private static final String EVERY_KEY = """
            config:
              aws:region: us-west-2
              sagemaker-mlops:role: tooling
              sagemaker-mlops:tier: enterprise
              sagemaker-mlops:product: {org: o, environment: e, clientId: c, name: n}
              sagemaker-mlops:sourceControl: codestar
              sagemaker-mlops:codeStarConnection: {connectionArn: x, owner: o, repo: r, branch: main}
              sagemaker-mlops:training:
                projectName: p
                devEnvironment: {vpcId: x}
                buildPolicies: [{policyArn: x, suppressions: [{id: i, reason: r}]}]
              sagemaker-mlops:deploy:
                projectName: p
                devEnvironment: {vpcId: x}
                preProdEnvironment: {accountId: x}
                prodEnvironment: {accountId: x}
                buildPolicies: [{policyArn: x, suppressions: [{id: i, reason: r}]}]
              sagemaker-mlops:network: {mode: standalone}
              sagemaker-mlops:security: {logRetentionDays: 90}
              sagemaker-mlops:hosting: {autoscaling: {}, deployment: {}, monitoring: {}}
            """;

    @Test
    void readmeReferenceMatchesTheParser() throws IOException {
        Set<String> keys = new StackConfigParser(TestStacks.ROOT, Optional::empty)
                .keysRead(ConfigSources.fromYaml("every-key", EVERY_KEY));
        Set<String> documented = new TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-zA-Z.\\[\\]]+)` \\|")
                .matcher(Files.readString(Path.of("README.md")).split("## Configuration reference")[1]);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(keys).contains("deploy.prodEnvironment.externalId", "hosting.deployment.strategy",
                "training.buildPolicies[].suppressions[].reason");
        assertThat(documented).isEqualTo(keys);
    }
}
