package com.sagemakermlops.config;

import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.sagemakermlops.config.StackConfigParserTest.MINIMAL_TOOLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The edges of the configuration checks: the last value accepted and the first refused. */
class ConfigBoundariesTest {
    private static final String HOSTING = """
            config:
              aws:region: us-west-2
              sagemaker-mlops:role: hosting
              sagemaker-mlops:hosting:
                toolingStack: organization/sagemaker-mlops/dev
            """;

    private static List<String> problems(String yaml) {
        InvalidConfigException refused = catchThrowableOfType(() -> TestStacks.config(yaml),
                InvalidConfigException.class);
        assertThat(refused).as("refused: %s", yaml).isNotNull();
        return refused.problems().stream().map(ConfigProblem::toString).toList();
    }

    private static String repeat(char c, int times) {
        return String.valueOf(c).repeat(times);
    }

    @Test
    void productNamePartsAndProjectNamesHaveALengthLimit() {
        String product = "  sagemaker-mlops:product: {org: globalbank, environment: %s, clientId: c001, name: %s}\n";
        String base = MINIMAL_TOOLING.replaceFirst("  sagemaker-mlops:product: .*\n", "");
        assertThat(TestStacks.config(base + product.formatted(repeat('e', 16), repeat('n', 32))).requireProduct()
                .environment()).hasSize(16);
        assertThat(problems(base + product.formatted(repeat('e', 17), repeat('n', 33)))).containsExactly(
                "sagemaker-mlops:product.environment: expected 1 to 16 lowercase letters, digits and inner hyphens, "
                        + "got \"" + repeat('e', 17) + "\"",
                "sagemaker-mlops:product.name: expected 1 to 32 lowercase letters, digits and inner hyphens, got \""
                        + repeat('n', 33) + "\"");

        assertThat(Checks.sagemakerName(32).expectation(repeat('p', 32))).isEmpty();
        assertThat(Checks.sagemakerName(32).expectation(repeat('p', 33))).contains(
                "1 to 32 letters, digits and hyphens, starting and ending with a letter or digit");
        assertThat(Checks.sagemakerName(32).expectation("-p")).isPresent();
        assertThat(Checks.namePart(16).expectation("a-")).isPresent();
    }

    @Test
    void bucketNamesAreChecked() {
        assertThat(Checks.BUCKET.expectation("my.bucket-1")).isEmpty();
        assertThat(Checks.BUCKET.expectation("my..bucket")).contains(
                "an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens");
        assertThat(Checks.BUCKET.expectation("ab")).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/16:443-443, true", "10.0.0.0/16:444-443, false", "10.0.0.0/16:65535, true",
            "10.0.0.0/16:65536, false", "10.0.0.0/16:0, true", "0.0.0.0/0:23-3388, true", "::/0:3389, false",
            "0.0.0.0/0:21, true", "10.0.0.0/33, false", "10.0.0.0/16:ssh, false", "10.0.0.0/32, true",
            "fd00::/128, true", "256.0.0.0/8, false"})
    void ingressEntriesAtTheEdges(String entry, boolean accepted) {
        assertThat(StackConfigParser.ingressProblem(entry).isEmpty()).as(entry).isEqualTo(accepted);
    }

    @Test
    void ingressDefaultsToHttpsAndKnowsItsFamily() {
        IngressRule rule = IngressRule.parse("fd00::/8");
        assertThat(rule.ipv6()).isTrue();
        assertThat(rule.fromWholeInternet()).isFalse();
        assertThat(rule.covers(443)).isTrue();
        assertThat(rule.covers(442)).isFalse();
        assertThat(rule.covers(444)).isFalse();
        assertThat(IngressRule.parse("0.0.0.0/0:80-90").fromWholeInternet()).isTrue();
        assertThat(IngressRule.parse("10.0.0.0/8").ipv6()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"89, false", "90, true", "3653, true", "3654, false", "90.0, true", "90.5, false", "'\"120\"', true"})
    void logRetentionIsBetweenNinetyDaysAndTenYears(String days, boolean accepted) {
        String yaml = MINIMAL_TOOLING + "  sagemaker-mlops:security: {logRetentionDays: " + days + "}\n";
        if (accepted) {
            assertThat(TestStacks.config(yaml).security().logRetentionDays())
                    .isEqualTo((int) Double.parseDouble(days.replace("\"", "")));
        } else {
            assertThat(problems(yaml)).singleElement().asString().startsWith(
                    "sagemaker-mlops:security.logRetentionDays: expected a whole number from 90 to 3653, got ");
        }
    }

    @ParameterizedTest
    @CsvSource({"'123456789', false", "'1234567890', true", "'   123456789   ', false"})
    void aBuildPolicySuppressionNeedsTenCharactersOfReason(String reason, boolean accepted) {
        String yaml = MINIMAL_TOOLING + """
                    buildPolicies:
                      - policyArn: arn:aws:iam::111122223333:policy/extra
                        suppressions:
                          - {id: AwsSolutions-IAM5, reason: "%s"}
                """.formatted(reason);
        if (accepted) {
            assertThat(TestStacks.config(yaml).requireDeploy().buildPolicies()).singleElement()
                    .satisfies(p -> assertThat(p.suppressions()).singleElement()
                            .satisfies(s -> assertThat(s.reason()).isEqualTo(reason)));
        } else {
            assertThat(problems(yaml)).containsExactly("sagemaker-mlops:deploy.buildPolicies[0].suppressions[0].reason: "
                    + "expected a reason of at least 10 characters, got \"" + reason + "\"");
        }
    }

    /** AWS-managed policies are owned by the account "aws" (IAM User Guide, "IAM identifiers", IAM ARNs). */
    @Test
    void anAwsManagedPolicyArnIsAcceptedWhereverAManagedPolicyIsConfigured() {
        String managed = "arn:aws:iam::aws:policy/service-role/AmazonSageMakerPipelinesIntegrations";
        String entry = "    buildPolicies:\n      - policyArn: " + managed + "\n";
        String yaml = MINIMAL_TOOLING.replace("    seedCodePath: seed-code/model-build\n",
                "    seedCodePath: seed-code/model-build\n" + entry) + entry;
        StackConfig config = TestStacks.config(yaml);
        assertThat(config.requireTraining().buildPolicies()).singleElement()
                .satisfies(p -> assertThat(p.policyArn()).contains(managed));
        assertThat(config.requireDeploy().buildPolicies()).singleElement()
                .satisfies(p -> assertThat(p.policyArn()).contains(managed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the account aws owns policies alone, and only in IAM's global (empty) region
            "arn:aws:iam::aws:role/mlops-bootstrap | an ARN such as arn:aws:iam::123456789012:role/...",
            "arn:aws:iam:us-west-2:222233334444:role/mlops-bootstrap"
                    + " | an ARN with an empty region (IAM is global), such as arn:aws:iam::123456789012:role/...",
            "arn:aws:iam::2222333344445:role/mlops-bootstrap | an ARN such as arn:aws:iam::123456789012:role/..."})
    void aRoleArnHasATwelveDigitAccountAndNoRegion(String arn, String expected) {
        String yaml = MINIMAL_TOOLING + """
                    preProdEnvironment:
                      accountId: "222233334444"
                      region: us-west-2
                      bootstrapRoleArn: %s
                """.formatted(arn);
        assertThat(problems(yaml)).contains("sagemaker-mlops:deploy.preProdEnvironment.bootstrapRoleArn: expected "
                + expected + ", got \"" + arn + "\"");
    }

    @Test
    void anExpectedArnShowsItsServicesRegionAsAwsWritesIt() {
        assertThat(Checks.arn("aws", "iam", "policy/").expectation("policy/x"))
                .contains("an ARN such as arn:aws:iam::123456789012:policy/...");
        assertThat(Checks.arn("aws-cn", "secretsmanager", "secret:").expectation("secret:x"))
                .contains("an ARN such as arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:...");
        assertThat(Checks.arn("aws", "sagemaker", "domain/").expectation("arn:aws:sagemaker::111122223333:domain/d-1"))
                .contains("an ARN with a region, such as arn:aws:sagemaker:us-east-1:123456789012:domain/...");
        assertThat(Checks.arn("aws", "sagemaker", "domain/").expectation("arn:aws:sagemaker:us-west-2:111122223333:domain/d-1"))
                .isEmpty();
    }

    @Test
    void unknownKeysInsideBuildPoliciesAndSuppressionsAreReported() {
        String yaml = MINIMAL_TOOLING + """
                    buildPolicies:
                      - policyArn: arn:aws:iam::111122223333:policy/extra
                        policyArns: []
                        suppressions:
                          - {id: AwsSolutions-IAM5, reason: "reviewed and accepted", reasons: x}
                """;
        assertThat(problems(yaml)).map(p -> p.substring(0, p.indexOf(" (did you mean"))).containsExactlyInAnyOrder(
                "sagemaker-mlops:deploy.buildPolicies[0].suppressions[0].reasons: unknown key",
                "sagemaker-mlops:deploy.buildPolicies[0].policyArns: unknown key");
    }

    @Test
    void trainingAndDeployMustNameTheSameStageAccounts() {
        String yaml = MINIMAL_TOOLING.replace("    seedCodePath: seed-code/model-build\n",
                "    seedCodePath: seed-code/model-build\n    preProdAccountId: \"222233334444\"\n"
                        + "    prodAccountId: \"333344445555\"\n")
                + "    preProdEnvironment: {accountId: \"222233334445\", region: us-west-2}\n"
                + "    prodEnvironment: {accountId: \"333344445556\", region: us-west-2}\n";
        assertThat(problems(yaml)).containsExactly(
                "sagemaker-mlops:training.preProdAccountId: expected the same account as "
                        + "deploy.preProdEnvironment.accountId (\"222233334445\"), got \"222233334444\"",
                "sagemaker-mlops:training.prodAccountId: expected the same account as "
                        + "deploy.prodEnvironment.accountId (\"333344445556\"), got \"333344445555\"");
    }

    @Test
    void aVpcNeedsSubnetsAndSecurityGroupsAndTheNetworkItsSubnets() {
        String yaml = MINIMAL_TOOLING + "    devEnvironment: {vpcId: vpc-0a1b2c3d}\n"
                + "  sagemaker-mlops:network: {mode: standalone, vpcParameterStorePath: /network/vpc, "
                + "routeTableIds: [rtb-0a1b2c3d], internetEgress: nat, allowedIngressCidrs: [10.0.0.0/16]}\n";
        assertThat(problems(yaml)).containsExactly(
                "sagemaker-mlops:deploy.devEnvironment.subnetIds: is required with vpcId: expected at least one subnet id",
                "sagemaker-mlops:deploy.devEnvironment.securityGroupIds: is required with vpcId: expected at least one "
                        + "security group id",
                "sagemaker-mlops:network.subnetIds: is required: expected the private subnets of the interface endpoints");
    }

    @Test
    void seedCodeIsRequiredOutsideCodestarAndMustBeADirectoryOrZip() {
        String s3 = MINIMAL_TOOLING.replace("    seedCodePath: seed-code/model-build\n", "")
                + "  sagemaker-mlops:sourceControl: s3\n";
        assertThat(problems(s3)).containsExactly("sagemaker-mlops:training.seedCodePath: is required when sourceControl "
                + "is s3: expected a directory or .zip of seed code");
        String file = MINIMAL_TOOLING.replace("seedCodePath: seed-code/model-build", "seedCodePath: Pulumi.yaml");
        assertThat(problems(file)).containsExactly("sagemaker-mlops:training.seedCodePath: expected an existing "
                + "directory or .zip file, got \"Pulumi.yaml\" (not a directory or .zip)");
    }

    @Test
    void hostingNeedsAStageAndConsistentCapacity() {
        assertThat(problems(HOSTING)).containsExactly(
                "sagemaker-mlops:hosting.stage: is required: expected preprod | prod");
        HostingConfig equalBounds = TestStacks.config(HOSTING + """
                    stage: prod
                    initialInstanceCount: 2
                    autoscaling: {minCapacity: 2, maxCapacity: 2}
                    deployment: {strategy: linear, trafficPercent: 25, waitMinutes: 0}
                """).hosting().orElseThrow();
        assertThat(equalBounds.autoscaling().minCapacity()).isEqualTo(2);
        assertThat(equalBounds.autoscaling().maxCapacity()).isEqualTo(2);
        assertThat(equalBounds.deployment().strategy()).isEqualTo(HostingConfig.Deployment.Strategy.LINEAR);
        assertThat(equalBounds.deployment().trafficPercent()).isEqualTo(25);
        assertThat(problems(HOSTING + "    stage: prod\n    autoscaling: {minCapacity: 3, maxCapacity: 2}\n"))
                .contains("sagemaker-mlops:hosting.autoscaling.maxCapacity: expected at least minCapacity (3), got 2");
    }

    @Test
    void booleansMayBeWrittenAsTextButNothingElse() {
        DeployConfig deploy = TestStacks.config(MINIMAL_TOOLING + "    enableManualApproval: \"false\"\n")
                .requireDeploy();
        assertThat(deploy.enableManualApproval()).isFalse();
        assertThat(problems(MINIMAL_TOOLING + "    enableDataCapture: \"no\"\n")).containsExactly(
                "sagemaker-mlops:deploy.enableDataCapture: expected true or false, got \"no\"");
    }

    @Test
    void alertEndpointsAreCheckedByProtocol() {
        String security = MINIMAL_TOOLING + "  sagemaker-mlops:security: {alertProtocol: %s, alertEndpoint: \"%s\"}\n";
        assertThat(TestStacks.config(security.formatted("https", "https://hooks.example.com/x")).security()
                .alertEndpoint()).contains("https://hooks.example.com/x");
        assertThat(problems(security.formatted("https", "http://hooks.example.com/x"))).containsExactly(
                "sagemaker-mlops:security.alertEndpoint: expected an https:// URL, got \"http://hooks.example.com/x\"");
        assertThat(problems(security.formatted("sms", "+1415"))).singleElement().asString()
                .contains("a phone number such as +14155550100");
        assertThat(problems(MINIMAL_TOOLING + "  sagemaker-mlops:security: {alertProtocol: email}\n"))
                .containsExactly("sagemaker-mlops:security.alertEndpoint: is required with alertProtocol");
    }

    @Test
    void didYouMeanStaysQuietForUnrelatedKeys() {
        List<String> keys = List.of("tier", "enableDataCapture");
        assertThat(DidYouMean.closest("tiXX", keys)).contains("tier");
        assertThat(DidYouMean.closest("XXXr", keys)).isEmpty();
        assertThat(DidYouMean.closest("enableDataXXXXre", keys)).contains("enableDataCapture");
        assertThat(DidYouMean.closest("somethingElseEntirely", keys)).isEmpty();
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("abc", "")).isEqualTo(3);
        assertThat(DidYouMean.distance("flaw", "lawn")).isEqualTo(2);
    }

    @Test
    void theEngineHandsStructuredValuesAsJsonText() {
        Map<String, Object> settings = ConfigSources.fromPulumiEngine(
                "{\"sagemaker-mlops:a\": \" [1, 2.5, {\\\"b\\\": 3}]\", \"sagemaker-mlops:c\": \"[not json\","
                        + " \"sagemaker-mlops:d\": \"{\\\"e\\\": [4]}\"}");
        assertThat(settings).containsEntry("sagemaker-mlops:a", List.of(new NumberLiteral("1"),
                        new NumberLiteral("2.5"), Map.of("b", new NumberLiteral("3"))))
                .containsEntry("sagemaker-mlops:c", "[not json")
                .containsEntry("sagemaker-mlops:d", Map.of("e", List.of(new NumberLiteral("4"))));
        InvalidConfigException broken = catchThrowableOfType(() -> ConfigSources.fromYaml("Pulumi.x.yaml",
                "config:\n  sagemaker-mlops:role: [tooling\n"), InvalidConfigException.class);
        assertThat(broken.getMessage()).startsWith("Pulumi.x.yaml:3: is not valid YAML: ");
    }

    @Test
    void placeholdersInsidePolicyDocumentsAreResolvedDeeply() {
        String yaml = MINIMAL_TOOLING + """
                    buildPolicies:
                      - policyDocument:
                          Statement:
                            - Effect: Allow
                              Action: [s3:GetObject]
                              Resource: ["arn:{{partition}}:s3:::data-{{account}}/*"]
                              Condition:
                                StringEquals:
                                  aws:RequestedRegion: "{{region}}"
                """;
        assertThat(TestStacks.config(yaml).requireDeploy().buildPolicies().get(0).policyDocumentJson()).hasValueSatisfying(
                json -> assertThat(json).contains("\"arn:aws:s3:::data-111122223333/*\"")
                        .contains("\"aws:RequestedRegion\":\"us-west-2\"").startsWith("{\"Version\":\"2012-10-17\""));
    }
}
