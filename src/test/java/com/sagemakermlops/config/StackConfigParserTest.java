package com.sagemakermlops.config;

import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StackConfigParserTest {
    static final String MINIMAL_TOOLING = """
            config:
              aws:region: us-west-2
              sagemaker-mlops:role: tooling
              sagemaker-mlops:product: {org: globalbank, environment: prod, clientId: c001, name: fraud-detection}
              sagemaker-mlops:training:
                projectName: test-training-minimal
                seedCodePath: seed-code/model-build
              sagemaker-mlops:deploy:
                projectName: test-deploy-minimal
                modelPackageGroupName: test-mpg
                modelBucketName: test-bucket
                seedCodePath: seed-code/model-deploy
            """;

    private static List<String> problems(String yaml) {
        return catchThrowableOfType(() -> TestStacks.config(yaml), InvalidConfigException.class)
                .problems().stream().map(ConfigProblem::toString).toList();
    }

    @Test
    void minimalToolingConfigTakesMdaaDefaults() {
        StackConfig config = TestStacks.config(MINIMAL_TOOLING);

        assertThat(config.role()).isEqualTo(StackRole.TOOLING);
        assertThat(config.tier()).isEqualTo(Tier.STARTER);
        assertThat(config.sourceControl()).isEqualTo(SourceControl.CODECOMMIT);
        assertThat(config.partition()).isEqualTo("aws");
        TrainingConfig training = config.requireTraining();
        assertThat(training.enableNetworkIsolation()).isTrue();
        assertThat(training.enableInterContainerEncryption()).isTrue();
        DeployConfig deploy = config.requireDeploy();
        assertThat(deploy.enableManualApproval()).isTrue();
        assertThat(deploy.enableEventBridgeTrigger()).isTrue();
        assertThat(deploy.enableDataCapture()).isTrue();
        assertThat(deploy.enableNetworkIsolation()).isTrue();
        assertThat(deploy.modelPackageGroupName()).contains("test-mpg");
        assertThat(deploy.environments()).isEmpty();
        assertThat(config.security().logRetentionDays()).isEqualTo(365);
    }

    @Test
    void aToolingStackAsksForItsAccountOnceAndOnlyWhenAllowedAccountIdsDoesNotNameIt() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Optional<String>> caller = () -> {
            asked.incrementAndGet();
            return Optional.of("444455556666");
        };
        String withAccountPlaceholder = MINIMAL_TOOLING.replace("    modelPackageGroupName: test-mpg\n",
                "    modelPackageGroupName: test-mpg\n    domainArn: arn:aws:sagemaker:us-west-2:{{account}}:domain/d-abc\n");

        StackConfig asking = new StackConfigParser(TestStacks.ROOT, caller)
                .parse(ConfigSources.fromYaml("Pulumi.t.yaml", withAccountPlaceholder));
        assertThat(asking.accountId()).contains("444455556666");
        assertThat(asking.requireDeploy().domainArn()).contains("arn:aws:sagemaker:us-west-2:444455556666:domain/d-abc");
        assertThat(asked).hasValue(1);

        StackConfig allowed = new StackConfigParser(TestStacks.ROOT, caller).parse(ConfigSources.fromYaml("Pulumi.t.yaml",
                withAccountPlaceholder + "  aws:allowedAccountIds: [\"111122223333\"]\n"));
        assertThat(allowed.accountId()).contains("111122223333");
        assertThat(allowed.requireDeploy().domainArn()).contains("arn:aws:sagemaker:us-west-2:111122223333:domain/d-abc");
        assertThat(asked).hasValue(1);

        assertThat(catchThrowableOfType(() -> new StackConfigParser(TestStacks.ROOT, Optional::empty)
                .parse(ConfigSources.fromYaml("Pulumi.t.yaml", MINIMAL_TOOLING)), InvalidConfigException.class))
                .hasMessage("aws:allowedAccountIds: is required: the caller's account could not be determined");
    }

    @Test
    void fiveMistakesGiveFiveMessagesWithKeyPaths() {
        String yaml = """
                config:
                  aws:region: us-west-2
                  sagemaker-mlops:role: tooling
                  sagemaker-mlops:tier: platinum
                  sagemaker-mlops:product: {org: globalbank, environment: prod, clientId: c001, name: fraud-detection}
                  sagemaker-mlops:training:
                    projectName: test-training
                    seedCodePath: seed-code/does-not-exist
                  sagemaker-mlops:deploy:
                    projectName: test-deploy
                    seedCodePath: seed-code/model-deploy
                    enableManualAproval: false
                    prodEnvironment:
                      accountId: "12345"
                      region: us-west-2
                  sagemaker-mlops:security:
                    logRetentionDays: 30
                """;

        assertThat(problems(yaml)).containsExactlyInAnyOrder(
                "sagemaker-mlops:tier: expected one of starter | professional | enterprise, got \"platinum\"",
                "sagemaker-mlops:training.seedCodePath: expected an existing directory or .zip file, got "
                        + "\"seed-code/does-not-exist\" (not found)",
                "sagemaker-mlops:deploy.prodEnvironment.accountId: expected 12 digits, got \"12345\"",
                "sagemaker-mlops:security.logRetentionDays: expected a whole number from 90 to 3653, got 30",
                "sagemaker-mlops:deploy.enableManualAproval: unknown key (did you mean \"enableManualApproval\"?); "
                        + "expected one of projectName, domainId, domainArn, modelPackageGroupName, modelBucketName, "
                        + "pipelineBucketName, enableNetworkIsolation, enableManualApproval, enableEventBridgeTrigger, "
                        + "enableDataCapture, seedCodePath, devEnvironment, preProdEnvironment, prodEnvironment, "
                        + "buildPolicies, operatorRoleArns, pulumiBackendUrl, pulumiAccessTokenSecretArn");
    }

    @Test
    void requiredBlocksAreNamedForEachRole() {
        assertThat(problems("config:\n  aws:region: us-west-2\n  sagemaker-mlops:role: tooling\n"))
                .containsExactly(
                        "sagemaker-mlops:product: is required for a tooling stack",
                        "sagemaker-mlops:training: is required for a tooling stack",
                        "sagemaker-mlops:deploy: is required for a tooling stack");
        assertThat(problems("config:\n  sagemaker-mlops:role: hosting\n"))
                .containsExactly("sagemaker-mlops:hosting: is required for a hosting stack",
                        "aws:region: is required: expected the stage's region such as us-east-1");
        assertThat(problems("config:\n  aws:region: us-west-2\n"))
                .containsExactly("sagemaker-mlops:role: is required: expected tooling | hosting");
    }

    @Test
    void unknownTopLevelKeyIsRejectedWithSuggestion() {
        assertThat(problems(MINIMAL_TOOLING + "  sagemaker-mlops:teir: enterprise\n"))
                .singleElement().asString()
                .startsWith("sagemaker-mlops:teir: unknown key (did you mean \"tier\"?)");
    }

    @Test
    void arnsMustBeInTheStacksPartition() {
        String yaml = MINIMAL_TOOLING.replace("aws:region: us-west-2", "aws:region: cn-north-1")
                + "  sagemaker-mlops:sourceControl: codestar\n"
                + "  sagemaker-mlops:codeStarConnection:\n"
                + "    connectionArn: arn:aws:codestar-connections:cn-north-1:111122223333:connection/abc\n"
                + "    owner: bank\n    repo: ml\n";

        assertThat(problems(yaml)).containsExactly("sagemaker-mlops:codeStarConnection.connectionArn: expected an "
                + "ARN in partition aws-cn (the stack's region), not aws, got "
                + "\"arn:aws:codestar-connections:cn-north-1:111122223333:connection/abc\"");
    }

    @Test
    void operatorsAreRoleArnsOfTheStacksPartitionEachOnce() {
        String operators = MINIMAL_TOOLING + "    operatorRoleArns:\n"
                + "      - arn:aws:iam::111122223333:role/platform-operator\n"
                + "      - arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_MlOps_01ab\n";
        assertThat(TestStacks.config(operators).requireDeploy().operatorRoleArns()).containsExactly(
                "arn:aws:iam::111122223333:role/platform-operator",
                "arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_MlOps_01ab");
        assertThat(TestStacks.config(MINIMAL_TOOLING).requireDeploy().operatorRoleArns()).isEmpty();

        String wrong = MINIMAL_TOOLING + "    operatorRoleArns:\n"
                + "      - arn:aws:sts::111122223333:assumed-role/platform-operator/alice\n"
                + "      - arn:aws:iam::111122223333:user/alice\n"
                + "      - arn:aws-cn:iam::111122223333:role/platform-operator\n"
                + "      - arn:aws:iam::111122223333:role/platform-operator\n"
                + "      - arn:aws:iam::111122223333:role/platform-operator\n";
        assertThat(problems(wrong)).containsExactly(
                "sagemaker-mlops:deploy.operatorRoleArns[0]: expected an ARN such as arn:aws:iam::123456789012:role/..., got "
                        + "\"arn:aws:sts::111122223333:assumed-role/platform-operator/alice\"",
                "sagemaker-mlops:deploy.operatorRoleArns[1]: expected an ARN such as arn:aws:iam::123456789012:role/..., got "
                        + "\"arn:aws:iam::111122223333:user/alice\"",
                "sagemaker-mlops:deploy.operatorRoleArns[2]: expected an ARN in partition aws (the stack's region), "
                        + "not aws-cn, got \"arn:aws-cn:iam::111122223333:role/platform-operator\"",
                "sagemaker-mlops:deploy.operatorRoleArns: expected each role once, got "
                        + "\"arn:aws:iam::111122223333:role/platform-operator\" 2 times");
        assertThat(problems(MINIMAL_TOOLING + "    operatorRoleArns: arn:aws:iam::111122223333:role/x\n"))
                .containsExactly("sagemaker-mlops:deploy.operatorRoleArns: expected a list, got "
                        + "\"arn:aws:iam::111122223333:role/x\"");
    }

    @Test
    void codestarNeedsAConnectionAndNoSeedCode() {
        String yaml = MINIMAL_TOOLING + "  sagemaker-mlops:sourceControl: codestar\n";
        assertThat(problems(yaml)).containsExactly("sagemaker-mlops:codeStarConnection: is required when "
                + "sourceControl is codestar: expected {connectionArn, owner, repo, branch}");
    }

    @Test
    void aStageNeedsAccountAndRegion() {
        String yaml = MINIMAL_TOOLING + "    preProdEnvironment:\n      vpcId: vpc-0a1b2c3d4e5f67890\n"
                + "      subnetIds: [subnet-0a1b2c3d4e5f67890]\n      securityGroupIds: [sg-0a1b2c3d4e5f67890]\n";
        assertThat(problems(yaml)).containsExactly(
                "sagemaker-mlops:deploy.preProdEnvironment.accountId: is required",
                "sagemaker-mlops:deploy.preProdEnvironment.region: is required");
    }

    @Test
    void aStageMustBeInTheToolingRegion() {
        String yaml = MINIMAL_TOOLING + "    prodEnvironment: {accountId: \"333344445555\", region: eu-west-1}\n";
        assertThat(problems(yaml)).containsExactly("sagemaker-mlops:deploy.prodEnvironment.region: expected the "
                + "tooling region us-west-2 (endpoints use the tooling key, and KMS keys are regional), got \"eu-west-1\"");
    }

    @Test
    void networkIdsAreChecked() {
        String yaml = MINIMAL_TOOLING.replace("    seedCodePath: seed-code/model-build\n",
                "    seedCodePath: seed-code/model-build\n    devEnvironment:\n      vpcId: vpc-dev\n"
                        + "      subnetIds: [subnet-dev-1]\n      securityGroupIds: [sg-0a1b2c3d]\n");
        assertThat(problems(yaml)).containsExactly(
                "sagemaker-mlops:training.devEnvironment.vpcId: expected a VPC id such as vpc-0a1b2c3d4e5f67890, got \"vpc-dev\"",
                "sagemaker-mlops:training.devEnvironment.subnetIds[0]: expected a subnet id such as "
                        + "subnet-0a1b2c3d4e5f67890, got \"subnet-dev-1\"");
    }

    @Test
    void sshAndRdpFromTheInternetAreRefused() {
        String yaml = MINIMAL_TOOLING + """
                  sagemaker-mlops:network:
                    mode: standalone
                    vpcParameterStorePath: /network/vpc-id
                    subnetIds: [subnet-0a1b2c3d4e5f67890]
                    routeTableIds: [rtb-0a1b2c3d4e5f67890]
                    internetEgress: none
                    allowedIngressCidrs: ["10.0.0.0/16", "0.0.0.0/0:22", "::/0:3000-4000", "::/0:443"]
                """;
        assertThat(problems(yaml)).containsExactly(
                "sagemaker-mlops:network.allowedIngressCidrs: expected no SSH (22) from the internet, got \"0.0.0.0/0:22\"",
                "sagemaker-mlops:network.allowedIngressCidrs: expected no RDP (3389) from the internet, got \"::/0:3000-4000\"");
    }

    @Test
    void theS3GatewayNeedsRouteTablesTheEndpointsHttpsAndTheSubnetsTheirEgressSaid() {
        String network = MINIMAL_TOOLING + "  sagemaker-mlops:network: {mode: standalone, "
                + "vpcParameterStorePath: /network/vpc, subnetIds: [subnet-0a1b2c3d]";
        assertThat(problems(network + "}\n")).containsExactly(
                "sagemaker-mlops:network.routeTableIds: is required: expected the route tables of the private subnets "
                        + "(the builds', jobs' and endpoints'), to which the S3 gateway endpoint adds its route: "
                        + "without them it routes nothing",
                "sagemaker-mlops:network.internetEgress: is required: expected nat (the subnets route to the "
                        + "internet through a NAT gateway, as the builds' package installs need) | none");
        assertThat(problems(network + ", routeTableIds: [rtb-main, rtb-0a1b2c3d], internetEgress: always, "
                + "allowedIngressCidrs: [10.0.0.0/16, \"10.1.0.0/16:443\", \"10.2.0.0/16:8443\"]}\n"))
                .containsExactly(
                        "sagemaker-mlops:network.routeTableIds[0]: expected a route table id such as "
                                + "rtb-0a1b2c3d4e5f67890, got \"rtb-main\"",
                        "sagemaker-mlops:network.allowedIngressCidrs: expected HTTPS only (the interface endpoints "
                                + "accept port 443 and nothing else): write the CIDR alone, got \"10.2.0.0/16:8443\"",
                        "sagemaker-mlops:network.internetEgress: expected one of nat | none, got \"always\"");

        String builds = MINIMAL_TOOLING.replace("    seedCodePath: seed-code/model-build\n",
                "    seedCodePath: seed-code/model-build\n    devEnvironment: {vpcId: vpc-0a1b2c3d, "
                        + "subnetIds: [subnet-0a1b2c3d], securityGroupIds: [sg-0a1b2c3d]}\n")
                + "    devEnvironment: {vpcId: vpc-0a1b2c3d, subnetIds: [subnet-0a1b2c3d], "
                + "securityGroupIds: [sg-0a1b2c3d]}\n"
                + "  sagemaker-mlops:network: {mode: standalone, vpcParameterStorePath: /network/vpc, "
                + "subnetIds: [subnet-0a1b2c3d], routeTableIds: [rtb-0a1b2c3d], internetEgress: none}\n";
        assertThat(problems(builds)).containsExactly(
                "sagemaker-mlops:training.devEnvironment: the training build installs its Python packages from PyPI "
                        + "(the model-build requirements.txt), which a VPC without internet egress "
                        + "(network.internetEgress: none) refuses: route the subnets through a NAT gateway and set "
                        + "network.internetEgress: nat, or leave devEnvironment out",
                "sagemaker-mlops:deploy.devEnvironment: the deploy build downloads the Pulumi CLI and its plugins, "
                        + "Maven dependencies and Python packages, which a VPC without internet egress "
                        + "(network.internetEgress: none) refuses: route the subnets through a NAT gateway and set "
                        + "network.internetEgress: nat, or leave devEnvironment out",
                "sagemaker-mlops:network.allowedIngressCidrs: is required when builds run in a VPC "
                        + "(training.devEnvironment, deploy.devEnvironment): expected the CIDRs of their subnets, from "
                        + "which the interface endpoints accept HTTPS");
        NetworkConfig accepted = TestStacks.config(builds.replace("internetEgress: none}",
                "internetEgress: nat, allowedIngressCidrs: [10.0.0.0/16]}")).network().orElseThrow();
        assertThat(accepted.routeTableIds()).containsExactly("rtb-0a1b2c3d");
        assertThat(accepted.internetEgress()).isEqualTo(NetworkConfig.InternetEgress.NAT);
    }

    @Test
    void enterpriseNeedsNetworkAndSgProvisionerNeedsItsPath() {
        assertThat(problems(MINIMAL_TOOLING + "  sagemaker-mlops:tier: enterprise\n")).containsExactly(
                "sagemaker-mlops:network: is required for the enterprise tier: expected {mode, vpcParameterStorePath, ...}");
        String yaml = MINIMAL_TOOLING + "  sagemaker-mlops:network: {mode: sg-provisioner, "
                + "vpcParameterStorePath: /network/vpc, subnetIds: [subnet-0a1b2c3d], routeTableIds: [rtb-0a1b2c3d], "
                + "internetEgress: nat}\n";
        assertThat(problems(yaml)).containsExactly(
                "sagemaker-mlops:network.sgParameterStorePath: is required when mode is sg-provisioner");
    }

    @Test
    void placeholdersResolveFromTheStackOrAreNamed() {
        String yaml = MINIMAL_TOOLING.replace("projectName: test-training-minimal", """
                projectName: test-training-minimal
                    domainArn: arn:{{partition}}:sagemaker:{{region}}:{{account}}:domain/d-test123
                    preProdAccountId: '{{context:account-2}}'""");

        assertThat(problems(yaml)).containsExactly("sagemaker-mlops:training.preProdAccountId: expected a value, got "
                + "the unresolved placeholder \"{{context:account-2}}\" (pass --context account-2=VALUE to "
                + "./mlops import-mdaa, or write the value)");
        StackConfig config = TestStacks.config(yaml.replace("'{{context:account-2}}'", "'222233334444'"));
        assertThat(config.requireTraining().domainArn())
                .contains("arn:aws:sagemaker:us-west-2:111122223333:domain/d-test123");
    }

    @Test
    void buildPoliciesCarryDocumentsArnsAndSuppressions() {
        String yaml = MINIMAL_TOOLING.replace("    seedCodePath: seed-code/model-build\n", """
                    seedCodePath: seed-code/model-build
                    buildPolicies:
                      - policyDocument:
                          Statement:
                            - Effect: Allow
                              Action: sts:GetServiceBearerToken
                              Resource: '*'
                        suppressions:
                          - id: AwsSolutions-IAM5
                            reason: 'sts:GetServiceBearerToken requires Resource:*'
                      - policyArn: 'arn:{{partition}}:iam::{{account}}:policy/CodeArtifactReadOnly'
                """);
        List<BuildPolicy> policies = TestStacks.config(yaml).requireTraining().buildPolicies();

        assertThat(policies).hasSize(2);
        assertThat(policies.get(0).policyDocumentJson()).contains("{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Effect\":\"Allow\",\"Action\":\"sts:GetServiceBearerToken\",\"Resource\":\"*\"}]}");
        assertThat(policies.get(0).suppressions()).containsExactly(new BuildPolicy.Suppression("AwsSolutions-IAM5",
                "sts:GetServiceBearerToken requires Resource:*"));
        assertThat(policies.get(1).policyArn()).contains("arn:aws:iam::111122223333:policy/CodeArtifactReadOnly");
    }

    @Test
    void shortSuppressionReasonsAndAmbiguousPoliciesAreRefused() {
        String yaml = MINIMAL_TOOLING.replace("    seedCodePath: seed-code/model-build\n", """
                    seedCodePath: seed-code/model-build
                    buildPolicies:
                      - policyArn: arn:aws:iam::111122223333:policy/A
                        policyDocument: {Statement: []}
                        suppressions: [{id: AwsSolutions-IAM5, reason: needed}]
                """);
        assertThat(problems(yaml)).containsExactlyInAnyOrder(
                "sagemaker-mlops:training.buildPolicies[0].suppressions[0].reason: expected a reason of at least "
                        + "10 characters, got \"needed\"",
                "sagemaker-mlops:training.buildPolicies[0]: expected exactly one of policyDocument or policyArn",
                "sagemaker-mlops:training.buildPolicies[0].policyDocument.Statement: expected a statement object or a "
                        + "non-empty list of them, got an empty list");
    }

    @Test
    void hostingConfigHasSafeDefaultsAndConsistentCapacity() {
        String hosting = """
                config:
                  aws:region: us-west-2
                  sagemaker-mlops:role: hosting
                  sagemaker-mlops:hosting:
                    toolingStack: organization/sagemaker-mlops/dev
                    stage: prod
                """;
        HostingConfig config = TestStacks.config(hosting).requireHosting();
        assertThat(config.modelPackageArn()).isEmpty();
        assertThat(config.instanceType()).isEqualTo("ml.m5.large");
        assertThat(config.autoscaling()).isEqualTo(new HostingConfig.Autoscaling(1, 2, 100));
        assertThat(config.deployment().strategy()).isEqualTo(HostingConfig.Deployment.Strategy.ALL_AT_ONCE);

        assertThat(problems(hosting + "    initialInstanceCount: 5\n    autoscaling: {minCapacity: 1, maxCapacity: 3}\n"
                + "    deployment: {strategy: canary, trafficPercent: 100}\n")).containsExactlyInAnyOrder(
                "sagemaker-mlops:hosting.deployment.trafficPercent: expected a canary of 1 to 50 percent of capacity "
                        + "(SageMaker's bounds), got 100",
                "sagemaker-mlops:hosting.initialInstanceCount: expected a count from autoscaling.minCapacity (1) "
                        + "to autoscaling.maxCapacity (3), got 5");
    }

    @Test
    void engineConfigurationArrivesAsJsonStrings() {
        var settings = ConfigSources.fromPulumiEngine("""
                {"aws:region":"us-west-2","sagemaker-mlops:role":"hosting",
                 "sagemaker-mlops:hosting":"{\\"toolingStack\\":\\"dev\\",\\"stage\\":\\"preprod\\",\\"initialInstanceCount\\":2}"}
                """);
        StackConfig config = new StackConfigParser(TestStacks.ROOT, java.util.Optional::empty).parse(settings);
        assertThat(config.requireHosting().initialInstanceCount()).isEqualTo(2);
        assertThat(config.requireHosting().stage()).isEqualTo(TargetEnvironment.Stage.PREPROD);
    }

    @Test
    void brokenStackFileIsOneProblem() {
        assertThatThrownBy(() -> ConfigSources.fromYaml("Pulumi.dev.yaml", "config: [unclosed"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("Pulumi.dev.yaml:1: is not valid YAML");
        assertThatThrownBy(() -> ConfigSources.fromPulumiEngine("null"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("PULUMI_CONFIG: is not a JSON object of strings");
        assertThatThrownBy(() -> ConfigSources.fromYaml("stack text", "config: [unclosed"))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageStartingWith("stack text:1: is not valid YAML");
    }
}
