package com.sagemakermlops.stacks;

import com.sagemakermlops.components.iam.ManagedPolicyLimit;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.contract.ToolingExports;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ToolingStackTest {
    static final String STARTER = """
            config:
              aws:region: us-west-2
              aws:allowedAccountIds: ["111122223333"]
              sagemaker-mlops:role: tooling
              sagemaker-mlops:product: {org: globalbank, environment: prod, clientId: c001, name: fraud-detection}
              sagemaker-mlops:training: {projectName: fraud-training, seedCodePath: seed-code/model-build}
              sagemaker-mlops:deploy:
                projectName: fraud-deploy
                seedCodePath: seed-code/model-deploy
                preProdEnvironment: {accountId: "222233334444", region: us-west-2}
                prodEnvironment: {accountId: "333344445555", region: us-west-2}
            """;

    static StackConfig dev() throws IOException {
        return new StackConfigParser(TestStacks.ROOT, Optional::empty)
                .parse(ConfigSources.fromYaml("Pulumi.dev.yaml", Files.readString(Path.of("Pulumi.dev.yaml"))));
    }

    private static Set<String> parameterNames(Recording recording) {
        return recording.ofType("aws:ssm/parameter:Parameter").stream()
                .map(p -> String.valueOf(p.inputValues().get("name")))
                .map(name -> name.substring(name.lastIndexOf('/') + 1))
                .collect(Collectors.toSet());
    }

    private static List<PolicyFinding> blocking(Recording recording) {
        return PolicyPack.standard().evaluate(recording.resources().stream()
                        .map(RecordedResource::toPolicyResource).toList(), PolicyPackConfig.defaults())
                .stream().filter(PolicyFinding::blocking).toList();
    }

    @Test
    void eachTierPublishesItsSsmParameters() {
        Recording starter = TestStacks.run("starter", TestStacks.config(STARTER));
        Recording professional = TestStacks.run("professional",
                TestStacks.config(STARTER + "  sagemaker-mlops:tier: professional\n"));

        assertThat(parameterNames(starter)).containsExactlyInAnyOrder(
                "ModelPackageGroupArn", "RepositoryUrl", "SageMakerRoleArn");
        assertThat(parameterNames(professional)).containsExactlyInAnyOrder(
                "ModelPackageGroupArn", "RepositoryUrl", "SageMakerRoleArn",
                "BucketName", "DashboardName", "BuildPipelineArn", "DeployPipelineArn");
        assertThat(starter.ofType("sagemaker-mlops:monitoring:PipelineDashboard")).isEmpty();
        assertThat(starter.ofType("aws:cloudwatch/eventRule:EventRule"))
                .noneMatch(rule -> String.valueOf(rule.inputValues().get("eventPattern"))
                        .contains("SageMaker Model Package State Change"));
        assertThat(professional.ofType("aws:cloudwatch/eventRule:EventRule"))
                .anyMatch(rule -> String.valueOf(rule.inputValues().get("eventPattern"))
                        .contains("SageMaker Model Package State Change"));
    }

    @Test
    void theEnterpriseDevStackHasEveryComponentAndParameter() throws IOException {
        Recording dev = TestStacks.run("dev", dev());

        assertThat(dev.errors()).isEmpty();
        assertThat(dev.resources()).extracting(RecordedResource::type).contains(
                "sagemaker-mlops:training:TrainingPipeline", "sagemaker-mlops:deploy:DeployPipeline",
                "sagemaker-mlops:bootstrap:CrossAccountBootstrap", "sagemaker-mlops:monitoring:PipelineDashboard",
                "sagemaker-mlops:security:SecurityMonitoring", "sagemaker-mlops:network:PrivateNetworking",
                "sagemaker-mlops:security:PermissionBoundary");
        assertThat(parameterNames(dev)).containsExactlyInAnyOrder(
                "ModelPackageGroupArn", "RepositoryUrl", "SageMakerRoleArn", "BucketName", "DashboardName",
                "BuildPipelineArn", "DeployPipelineArn", "KmsKeyArn", "LogGroupName", "VpcEndpointIds",
                "SecurityGroupId");
        assertThat(dev.ofType("aws:iam/role:Role")).allSatisfy(role ->
                assertThat(role.inputValues()).as(role.name()).containsKey("permissionsBoundary"));
    }

    @Test
    void theRolesInEachTargetAccountAreBoundByTheirOwnAccountsStageBoundary() throws IOException {
        Recording dev = TestStacks.run("dev", dev());
        String toolingBoundary = String.valueOf(dev.named("aws:iam/policy:Policy", "permission-boundary")
                .outputValues().get("arn"));

        for (String stage : List.of("preprod", "prod")) {
            String provider = dev.named("pulumi:providers:aws", "bootstrap-" + stage + "-provider").urn();
            String account = String.valueOf(((Map<?, ?>) dev.outputs().get("environments")).get(stage) instanceof
                    Map<?, ?> environment ? environment.get("accountId") : null);
            RecordedResource boundary = dev.named("aws:iam/policy:Policy", "bootstrap-" + stage + "-boundary");
            String boundaryArn = String.valueOf(boundary.outputValues().get("arn"));

            assertThat(boundary.provider()).contains(provider);
            assertThat(boundaryArn).startsWith("arn:aws:iam::" + account + ":policy/").isNotEqualTo(toolingBoundary);
            assertThat(dev.ofType("aws:iam/role:Role")).filteredOn(role -> role.provider().equals(Optional.of(provider)))
                    .hasSize(2)
                    .allSatisfy(role -> assertThat(role.inputValues()).as(role.name())
                            .containsEntry("permissionsBoundary", boundaryArn));
            // IAM's limit for a managed policy, counted without whitespace (the document is rendered compact).
            assertThat(String.valueOf(boundary.inputValues().get("policy")).length()).isLessThanOrEqualTo(
                    ManagedPolicyLimit.CHARACTERS);
        }
        assertThat(dev.ofType("aws:iam/role:Role")).filteredOn(role -> role.provider().isEmpty())
                .allSatisfy(role -> assertThat(role.inputValues()).as(role.name())
                        .containsEntry("permissionsBoundary", toolingBoundary));
    }

    @Test
    void operatorsGetTheStateBackendAndTheDeployRolesAndNothingElse() throws IOException {
        Recording dev = TestStacks.run("dev", dev());
        String operator = "arn:aws:iam::111122223333:role/mlops-platform-operator";
        String stateBucket = "arn:aws:s3:::" + dev.outputs().get("stateBackendUrl").toString()
                .replaceFirst("^s3://([^?]+).*", "$1");

        Map<String, Object> productKey = statementWithSid(dev.named("aws:kms/key:Key", "store-key")
                .inputValues().get("policy"), "KeyUseForStateByOperators");
        assertThat(productKey).containsEntry("Principal", Map.of("AWS", operator))
                .containsEntry("Action", List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .containsEntry("Condition", Map.of(
                        "StringEquals", Map.of("kms:ViaService", "s3.us-west-2.amazonaws.com"),
                        "StringLike", Map.of("kms:EncryptionContext:aws:s3:arn",
                                List.of(stateBucket, stateBucket + "/*"))));
        assertThat(String.valueOf(dev.named("aws:kms/key:Key", "deploy-backend-secrets-key").inputValues().get("policy")))
                .contains("\"Sid\":\"OperatorsUseKey\"");
        for (String stage : List.of("preprod", "prod")) {
            assertThat(String.valueOf(dev.named("aws:iam/role:Role", "bootstrap-" + stage + "-deploy-role")
                    .inputValues().get("assumeRolePolicy"))).contains("\"Sid\":\"TrustOperators\"", operator);
        }
        List<String> granting = dev.resources().stream()
                .filter(r -> String.valueOf(r.inputValues()).contains(operator)).map(RecordedResource::name).toList();
        assertThat(granting).containsExactlyInAnyOrder("store-key", "deploy-backend-secrets-key",
                "deploy-backend-state-policy",
                "bootstrap-preprod-deploy-role", "bootstrap-prod-deploy-role");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statementWithSid(Object policy, String sid) {
        List<Map<String, Object>> statements = (List<Map<String, Object>>) new com.google.gson.Gson()
                .fromJson(String.valueOf(policy), Map.class).get("Statement");
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + policy));
    }

    @Test
    void trainingAndDeployNeverShareARole() throws IOException {
        Recording dev = TestStacks.run("dev", dev());
        Map<String, List<String>> rolesOfPipeline = dev.ofType("aws:codebuild/project:Project").stream()
                .collect(Collectors.groupingBy(p -> p.parent().orElseThrow().replaceFirst(".*::", ""),
                        Collectors.mapping(p -> String.valueOf(p.inputValues().get("serviceRole")), Collectors.toList())));

        assertThat(rolesOfPipeline).containsOnlyKeys("training", "deploy");
        assertThat(rolesOfPipeline.get("training")).singleElement().asString()
                .startsWith("arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT + ":role/");
        assertThat(rolesOfPipeline.get("deploy")).hasSize(2).doesNotHaveDuplicates()
                .allSatisfy(role -> assertThat(role).startsWith("arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT + ":role/"))
                .doesNotContainAnyElementsOf(rolesOfPipeline.get("training"));
    }

    @Test
    void hostingStacksGetEveryStageFromTheToolingOutputs() throws IOException {
        Recording dev = TestStacks.run("dev", dev());
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> environments =
                (Map<String, Map<String, Object>>) dev.outputs().get("environments");

        assertThat(environments).containsOnlyKeys("preprod", "prod");
        assertThat(environments.get("preprod")).containsEntry("accountId", "222233334444")
                .containsEntry("externalId", "globalbank-fraud-detection-preprod");
        String deployRole = String.valueOf(environments.get("prod").get("deployRoleArn"));
        assertThat(deployRole).startsWith("arn:aws:iam::333344445555:role/");
        assertThat(dev.ofType("aws:iam/role:Role")).anyMatch(role ->
                deployRole.endsWith("/" + role.inputValues().get("name")) && role.provider().isPresent());
        assertThat(dev.outputs()).containsKeys("kmsKeyArn", "modelBucketName", "modelBucketArn",
                "modelPackageGroupName", "modelPackageGroupArn", "productName", "toolingAccountId");
        assertThat(ToolingExports.problems(dev.outputs())).isEmpty();
    }

    @Test
    void everyTierPassesThePolicyPack() throws IOException {
        assertThat(blocking(TestStacks.run("starter", TestStacks.config(STARTER)))).isEmpty();
        assertThat(blocking(TestStacks.run("professional",
                TestStacks.config(STARTER + "  sagemaker-mlops:tier: professional\n")))).isEmpty();
        assertThat(blocking(TestStacks.run("dev", dev()))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeployRepositoryCarriesThisProgramBesideTheSeedCode() throws IOException {
        Recording dev = TestStacks.run("dev", dev());
        Map<String, Object> source = (Map<String, Object>) dev.named("aws:s3/bucketObjectv2:BucketObjectv2",
                "deploy-source-seed").inputValues().get("source");
        Map<String, Object> top = (Map<String, Object>) source.get("assets");
        Map<String, Object> program = (Map<String, Object>) ((Map<String, Object>) top.get("program")).get("assets");

        assertThat(top).containsKeys("buildspec.yml", "scripts", "requirements.txt", "program");
        assertThat(program).containsOnlyKeys("pom.xml", "Pulumi.yaml", "mlops", "src", "policy",
                "Pulumi.preprod.yaml", "Pulumi.prod.yaml");
        assertThat(program.get("src").toString()).contains("path=src/main");
        assertThat(program.get("policy").toString()).contains("PulumiPolicy.yaml", "path=policy/src/main");
    }

    @Test
    void theToolingStackUsesTheAccountTheConfigurationResolved() {
        String unnamed = STARTER.replace("  aws:allowedAccountIds: [\"111122223333\"]\n", "");
        StackConfig config = new StackConfigParser(TestStacks.ROOT, () -> Optional.of("444455556666"))
                .parse(ConfigSources.fromYaml("Pulumi.unnamed.yaml", unnamed));

        // the fake cloud's caller is TestStacks.TOOLING_ACCOUNT: the stack does not ask it again
        Recording recording = TestStacks.run("unnamed", config);

        assertThat(recording.errors()).isEmpty();
        assertThat(recording.outputs()).containsEntry("toolingAccountId", "444455556666");
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutTargetsTheDeployPipelineDeploysIntoTheToolingAccount() {
        String single = STARTER.substring(0, STARTER.indexOf("    preProdEnvironment"));
        Recording recording = TestStacks.run("single", TestStacks.config(single));

        assertThat(recording.errors()).isEmpty();
        assertThat(recording.ofType("sagemaker-mlops:deploy:DeployPipeline")).hasSize(1);
        assertThat(recording.named("aws:codepipeline/pipeline:Pipeline", "deploy-pipeline").inputValues()
                .get("stages").toString()).contains("DeployPreProd").doesNotContain("DeployProd");
        assertThat(recording.ofType("pulumi:providers:aws")).isEmpty();
        assertThat(recording.ofType("aws:iam/role:Role")).anyMatch(role ->
                String.valueOf(role.inputValues().get("name")).endsWith("preprod-deploy"));
        Map<String, Object> preprod = ((Map<String, Map<String, Object>>) recording.outputs().get("environments"))
                .get("preprod");
        assertThat(preprod).containsEntry("accountId", TestStacks.TOOLING_ACCOUNT);
        assertThat(blocking(recording)).isEmpty();
    }
}
