package com.sagemakermlops.cli;

import com.google.gson.Gson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stack file under {@code examples/} plans offline, and builds what its comments promise. */
class ExamplesPlanTest {
    private static final Path EXAMPLES = Path.of("examples");
    private static final String APPROVAL_EVENT = "SageMaker Model Package State Change";
    private static final List<String> STARTER_PARAMETERS =
            List.of("ModelPackageGroupArn", "RepositoryUrl", "SageMakerRoleArn");
    private static final List<String> PROFESSIONAL_PARAMETERS = List.of("ModelPackageGroupArn", "RepositoryUrl",
            "SageMakerRoleArn", "BucketName", "DashboardName", "BuildPipelineArn", "DeployPipelineArn");

    @TempDir
    static Path dir;
    private static int exit;
    private static String output;
    private static Map<String, StackPlanJson> plans;

    /** One stack of the {@code --json} plan. */
    record StackPlanJson(List<Map<String, Object>> resources, Map<String, Object> outputs,
                         List<Map<String, Object>> violations) {

        List<Map<String, Object>> ofType(String type) {
            return resources.stream().filter(r -> type.equals(r.get("type"))).toList();
        }

        Map<String, Object> inputs(String type, String name) {
            return ofType(type).stream().filter(r -> name.equals(r.get("name"))).findFirst()
                    .map(ExamplesPlanTest::inputsOf)
                    .orElseThrow(() -> new AssertionError("no " + type + " named " + name + " in " + names(type)));
        }

        List<String> names(String type) {
            return ofType(type).stream().map(r -> String.valueOf(r.get("name"))).toList();
        }

        List<String> stageNames(String pipeline) {
            return stages(pipeline).stream().map(s -> String.valueOf(s.get("name"))).toList();
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stages(String pipeline) {
            return (List<Map<String, Object>>) inputs("aws:codepipeline/pipeline:Pipeline", pipeline).get("stages");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> sourceAction(String pipeline) {
            return ((List<Map<String, Object>>) stages(pipeline).get(0).get("actions")).get(0);
        }

        List<String> parameterNames() {
            return ofType("aws:ssm/parameter:Parameter").stream()
                    .map(p -> String.valueOf(inputsOf(p).get("name")))
                    .map(name -> name.substring(name.lastIndexOf('/') + 1))
                    .toList();
        }

        boolean hasApprovalTrigger() {
            return ofType("aws:cloudwatch/eventRule:EventRule").stream()
                    .anyMatch(rule -> String.valueOf(inputsOf(rule).get("eventPattern")).contains(APPROVAL_EVENT));
        }

        /** The RepositoryName of each CodeCommit repository in the stack's CloudFormation templates. */
        @SuppressWarnings("unchecked")
        List<Object> repositoryNames() {
            return ofType("aws:cloudformation/stack:Stack").stream()
                    .map(stack -> (Map<String, Object>) new Gson().fromJson(
                            String.valueOf(inputsOf(stack).get("templateBody")), Map.class).get("Resources"))
                    .flatMap(resources -> resources.values().stream())
                    .map(resource -> (Map<String, Object>) resource)
                    .filter(resource -> "AWS::CodeCommit::Repository".equals(resource.get("Type")))
                    .map(resource -> ((Map<String, Object>) resource.get("Properties")).get("RepositoryName"))
                    .toList();
        }

        List<Map<String, Object>> findingsOn(String name) {
            return violations.stream().filter(v -> name.equals(v.get("name"))).toList();
        }
    }

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void planEveryExample() throws IOException {
        List<String> args = new ArrayList<>(List.of("plan"));
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.filter(f -> f.getFileName().toString().matches("Pulumi\\..+\\.yaml")).sorted()
                    .forEach(f -> args.add(f.toString()));
        }
        Path json = dir.resolve("examples.json");
        args.addAll(List.of("--json", json.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit = Mlops.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        output = out.toString(StandardCharsets.UTF_8);
        plans = new java.util.LinkedHashMap<>();
        if (Files.exists(json)) {
            var stacks = (List<Map<String, Object>>) new Gson().fromJson(Files.readString(json), Map.class).get("stacks");
            stacks.forEach(s -> plans.put(String.valueOf(s.get("stack")), new StackPlanJson(
                    (List<Map<String, Object>>) s.get("resources"), (Map<String, Object>) s.get("outputs"),
                    (List<Map<String, Object>>) s.get("violations"))));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputsOf(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("inputs");
    }

    private static StackPlanJson plan(String stack) {
        assertThat(exit).as(output).isZero();
        assertThat(plans).as(output).containsKey(stack);
        return plans.get(stack);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environmentVariables(Map<String, Object> project) {
        var variables = (List<Map<String, Object>>) ((Map<String, Object>) project.get("environment"))
                .get("environmentVariables");
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        variables.forEach(v -> byName.put(String.valueOf(v.get("name")), String.valueOf(v.get("value"))));
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(StackPlanJson plan, String stage) {
        return ((Map<String, Map<String, Object>>) plan.outputs().get("environments")).get(stage);
    }

    @Test
    void everyExamplePlansWithNoBlockingFinding() {
        assertThat(exit).as(output).isZero();
        assertThat(plans).containsOnlyKeys("codestar", "mdaa-build-policies", "mdaa-comprehensive", "mdaa-minimal",
                "professional", "pulumi-cloud", "starter");
        plans.forEach((stack, plan) -> assertThat(plan.violations()).as(stack)
                .allSatisfy(v -> assertThat(v.get("level").equals("mandatory") && !Boolean.TRUE.equals(v.get("suppressed")))
                        .as(String.valueOf(v)).isFalse()));
        assertThat(output).containsPattern("Summary: 7 stacks, \\d+ resources, 0 mandatory");
    }

    @Test
    void everyServiceTrustIsAsItsServiceDocuments() {
        assertThat(plans).isNotEmpty();
        plans.forEach((stack, plan) -> assertThat(
                com.sagemakermlops.components.iam.ServiceTrustTest.problems(plan.resources())).as(stack).isEmpty());
    }

    @Test
    void starterSharesTheRegistryWithBothAccountsAndGatesProdWithoutAnEventTrigger() {
        StackPlanJson starter = plan("starter");

        assertThat(starter.repositoryNames()).containsExactlyInAnyOrder("acme-dev-c001-us-east-1-churn-ml-model-build",
                        "acme-dev-c001-us-east-1-churn-ml-model-deploy");
        assertThat(String.valueOf(starter.ofType("aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy")
                .get(0).get("inputs"))).contains("arn:aws:iam::222233334444:root", "arn:aws:iam::333344445555:root");
        assertThat(starter.stageNames("deploy-pipeline"))
                .containsExactly("Source", "DeployPreProd", "ManualApproval", "DeployProd");
        assertThat(starter.sourceAction("training-pipeline")).containsEntry("provider", "CodeCommit");
        assertThat(starter.hasApprovalTrigger()).isFalse();
        assertThat(starter.ofType("sagemaker-mlops:monitoring:PipelineDashboard")).isEmpty();
        assertThat(starter.parameterNames()).containsExactlyInAnyOrderElementsOf(STARTER_PARAMETERS);
        assertThat(environment(starter, "prod")).containsEntry("accountId", "333344445555")
                .containsEntry("enableNetworkIsolation", true).containsEntry("enableDataCapture", true);
    }

    @Test
    void professionalReadsSeedCodeFromS3AndReportsItsBuildPolicyFindingAsSuppressed() {
        StackPlanJson professional = plan("professional");
        String bucket = "northwind-prod-c042-eu-west-1-demand-forecast-ml-models";

        assertThat(professional.repositoryNames()).isEmpty();
        assertThat(professional.sourceAction("training-pipeline")).containsEntry("provider", "S3");
        assertThat(professional.sourceAction("deploy-pipeline")).containsEntry("configuration", Map.of(
                "PollForSourceChanges", "false", "S3Bucket", bucket,
                "S3ObjectKey", "source/northwind-prod-c042-eu-west-1-demand-forecast-ml-model-deploy.zip"));
        assertThat(professional.inputs("aws:s3/bucketNotification:BucketNotification",
                "store-models-notification"))
                .containsEntry("bucket", bucket).containsEntry("eventbridge", true);
        assertThat(String.valueOf(professional.inputs("aws:cloudwatch/eventRule:EventRule", "training-source-change-rule")
                .get("eventPattern"))).contains("\"Object Created\"",
                "\"key\":[\"source/northwind-prod-c042-eu-west-1-demand-forecast-ml-model-build.zip\"]");
        assertThat(professional.hasApprovalTrigger()).isTrue();
        assertThat(professional.parameterNames()).containsExactlyInAnyOrderElementsOf(PROFESSIONAL_PARAMETERS);

        Map<String, Object> policy = professional.inputs("aws:iam/policy:Policy", "training-build-policy-1");
        assertThat(String.valueOf(policy.get("policy")))
                .contains("arn:aws:s3:::northwind-data-lake-curated/forecast/*", "ecr:BatchGetImage");
        assertThat(policy.get("tags")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("mlops:suppress:AwsSolutions-IAM5");
        assertThat(professional.inputs("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "training-build-policy-1"))
                .containsEntry("role", "northwind-prod-c042-eu-west-1-demand-forecast-ml-train-build")
                .containsEntry("policyArn",
                        "arn:aws:iam::444455556666:policy/northwind-prod-c042-eu-west-1-demand-forecast-ml-training-build-1");
        assertThat(professional.findingsOn("training-build-policy-1")).singleElement().satisfies(finding -> {
            assertThat(finding).containsEntry("policy", "iam-no-wildcard-resources")
                    .containsEntry("level", "mandatory").containsEntry("suppressed", true);
            assertThat(String.valueOf(finding.get("reason"))).contains("AWS-owned ECR repositories");
        });
        assertThat(output).contains("[suppressed] iam-no-wildcard-resources (aws:iam/policy:Policy: training-build-policy-1)");
    }

    @Test
    void codeStarBuildsFromTheConnectedRepositoryAndPromotesWithoutApproval() {
        StackPlanJson codestar = plan("codestar");

        assertThat(codestar.repositoryNames()).isEmpty();
        assertThat(codestar.names("aws:s3/bucketObjectv2:BucketObjectv2")).containsExactly("deploy-source-bundle");
        for (String pipeline : List.of("training-pipeline", "deploy-pipeline")) {
            assertThat(codestar.sourceAction(pipeline)).containsEntry("provider", "CodeStarSourceConnection")
                    .extractingByKey("configuration").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("ConnectionArn", "arn:aws:codeconnections:us-west-2:111122223333:connection/"
                            + "0f3b5c2e-8d4a-4e6b-9c1d-2a7f9e8b6c5d")
                    .containsEntry("FullRepositoryId", "globalbank/credit-risk-mlops")
                    .containsEntry("BranchName", "main");
        }
        assertThat(codestar.inputs("aws:codebuild/project:Project", "training-build").get("source"))
                .isEqualTo(Map.of("buildspec", "model-build/buildspec.yml", "type", "CODEPIPELINE"));
        assertThat(codestar.inputs("aws:codebuild/project:Project", "deploy-prod").get("source"))
                .isEqualTo(Map.of("buildspec", "model-deploy/buildspec.yml", "type", "CODEPIPELINE"));
        assertThat(codestar.stageNames("deploy-pipeline")).containsExactly("Source", "DeployPreProd", "DeployProd");
    }

    /** One repository, two folders: a push runs only the pipeline whose folder it changes, each from its folder. */
    @Test
    void codeStarPushesRunOnlyThePipelineOfTheChangedFolderAndTheDeployBuildGetsTheProgramAsABundle() {
        StackPlanJson codestar = plan("codestar");
        for (var pipeline : Map.of("training-pipeline", "model-build", "deploy-pipeline", "model-deploy").entrySet()) {
            Map<String, Object> inputs = codestar.inputs("aws:codepipeline/pipeline:Pipeline", pipeline.getKey());
            assertThat(inputs).containsEntry("pipelineType", "V2").containsEntry("triggers", List.of(Map.of(
                    "providerType", "CodeStarSourceConnection",
                    "gitConfiguration", Map.of("sourceActionName", "Source", "pushes", List.of(Map.of(
                            "branches", Map.of("includes", List.of("main")),
                            "filePaths", Map.of("includes", List.of(pipeline.getValue() + "/**"))))))));
            assertThat(codestar.sourceAction(pipeline.getKey())).containsEntry("name", "Source")
                    .extractingByKey("configuration").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("DetectChanges", "false");
        }
        assertThat(environmentVariables(codestar.inputs("aws:codebuild/project:Project", "training-build")))
                .containsEntry("SOURCE_FOLDER", "model-build").doesNotContainKey("SOURCE_BUNDLE_KEY");
        String key = "source-bundle/globalbank-dev-c007-us-west-2-credit-risk-ml-model-deploy.zip";
        Map<String, Object> bundle = codestar.inputs("aws:s3/bucketObjectv2:BucketObjectv2", "deploy-source-bundle");
        assertThat(bundle).containsEntry("key", key).containsEntry("serverSideEncryption", "aws:kms");
        for (String stage : List.of("preprod", "prod")) {
            assertThat(environmentVariables(codestar.inputs("aws:codebuild/project:Project", "deploy-" + stage)))
                    .containsEntry("SOURCE_FOLDER", "model-deploy")
                    .containsEntry("SOURCE_BUNDLE_BUCKET", "globalbank-dev-c007-us-west-2-credit-risk-ml-models")
                    .containsEntry("SOURCE_BUNDLE_KEY", key)
                    .containsKey("SOURCE_BUNDLE_VERSION");
            assertThat(String.valueOf(codestar.inputs("aws:iam/rolePolicy:RolePolicy",
                    "deploy-build-" + stage + "-permissions").get("policy")))
                    .contains("\"Sid\":\"ReadSourceBundle\",\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\","
                            + "\"s3:GetObjectVersion\"],\"Resource\":\"arn:aws:s3:::"
                            + "globalbank-dev-c007-us-west-2-credit-risk-ml-models/" + key + "\"");
        }
        assertThat(String.valueOf(codestar.inputs("aws:iam/rolePolicy:RolePolicy", "training-build-permissions")
                .get("policy")))
                .doesNotContain("ReadSourceBundle");
    }

    @Test
    void mdaaComprehensiveRunsBuildsInTheDevVpcAndPromotesThroughAnApproval() {
        StackPlanJson comprehensive = plan("mdaa-comprehensive");
        Map<String, Object> trainingBuild = comprehensive.inputs("aws:codebuild/project:Project", "training-build");

        assertThat(trainingBuild.get("vpcConfig")).isEqualTo(Map.of("vpcId", "vpc-0d1e2f3a4b5c60001",
                "subnets", List.of("subnet-0d1e2f3a4b5c60011", "subnet-0d1e2f3a4b5c60012"),
                "securityGroupIds", List.of("sg-0d1e2f3a4b5c60021")));
        assertThat(environmentVariables(trainingBuild))
                .containsEntry("ENABLE_NETWORK_ISOLATION", "false")
                .containsEntry("ENABLE_INTER_CONTAINER_ENCRYPTION", "true")
                .containsEntry("MODEL_PACKAGE_GROUP_NAME", "test-model-package-group")
                .containsEntry("MODEL_BUCKET", "test-model-bucket");
        assertThat(comprehensive.names("aws:codebuild/project:Project"))
                .containsExactlyInAnyOrder("training-build", "deploy-preprod", "deploy-prod");
        for (String stage : List.of("preprod", "prod")) {
            Map<String, Object> deployBuild = comprehensive.inputs("aws:codebuild/project:Project", "deploy-" + stage);
            assertThat(deployBuild.get("vpcConfig")).isEqualTo(Map.of("vpcId", "vpc-0d1e2f3a4b5c60001",
                    "subnets", List.of("subnet-0d1e2f3a4b5c60011"), "securityGroupIds", List.of("sg-0d1e2f3a4b5c60021")));
            assertThat(environment(comprehensive, stage)).containsEntry("enableNetworkIsolation", false)
                    .containsEntry("enableDataCapture", true).containsEntry("region", "us-west-2");
        }
        assertThat(environmentVariables(comprehensive.inputs("aws:codebuild/project:Project", "deploy-prod")))
                .containsEntry("TARGET_ACCOUNT_ID", "333344445555");
        assertThat(environment(comprehensive, "preprod")).containsEntry("accountId", "222233334444")
                .containsEntry("vpcId", "vpc-0b1c2d3e4f5a60001");

        List<Map<String, Object>> deployStages = comprehensive.stages("deploy-pipeline");
        assertThat(comprehensive.stageNames("deploy-pipeline"))
                .containsExactly("Source", "DeployPreProd", "ManualApproval", "DeployProd");
        assertThat(String.valueOf(deployStages.get(2).get("actions")))
                .contains("category=Approval", "provider=Manual", "test-model-package-group");
        assertThat(comprehensive.hasApprovalTrigger()).isTrue();
        assertThat(comprehensive.ofType("sagemaker-mlops:bootstrap:CrossAccountBootstrap")).isEmpty();
        assertThat(comprehensive.resources()).allSatisfy(r -> assertThat(r.get("provider")).as(r.get("urn").toString())
                .isNull());
        assertThat(comprehensive.inputs("aws:sagemaker/modelPackageGroup:ModelPackageGroup", "store-registry"))
                .containsEntry("modelPackageGroupName", "test-model-package-group")
                .extractingByKey("tags").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("sagemaker:domain-id", "d-test123")
                .containsEntry("sagemaker:domain-arn", "arn:aws:sagemaker:us-west-2:123456789012:domain/d-test123");

        for (String stage : List.of("preprod", "prod")) {
            assertThat(String.valueOf(comprehensive.inputs("aws:iam/rolePolicy:RolePolicy",
                    "deploy-build-" + stage + "-permissions").get("policy")))
                    .contains("\"Sid\":\"ReadPipelineBucket\"")
                    .contains("arn:aws:s3:::test-pipeline-bucket/*");
        }
    }

    @Test
    void mdaaBuildPoliciesBecomeAManagedPolicyWithItsSuppressionAndAnAttachedArn() {
        StackPlanJson buildPolicies = plan("mdaa-build-policies");
        Map<String, Object> policy = buildPolicies.inputs("aws:iam/policy:Policy", "training-build-policy-1");

        Map<?, ?> document = new Gson().fromJson(String.valueOf(policy.get("policy")), Map.class);
        assertThat(String.valueOf(document.get("Statement")))
                .contains("Action=codeartifact:GetAuthorizationToken, Resource=arn:aws:codeartifact:us-west-2:"
                        + "123456789012:domain/mdaa")
                .contains("arn:aws:codeartifact:us-west-2:123456789012:repository/mdaa/mdaa-npm")
                .contains("Action=sts:GetServiceBearerToken, Resource=*, Condition={StringEquals="
                        + "{sts:AWSServiceName=codeartifact.amazonaws.com}}");
        assertThat(policy.get("tags")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .hasEntrySatisfying("mlops:suppress:AwsSolutions-IAM5", reason ->
                        assertThat(String.valueOf(reason)).startsWith("sts:GetServiceBearerToken requires Resource:"));
        assertThat(buildPolicies.inputs("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "training-build-policy-1"))
                .containsEntry("role", "mdaa-dev-c001-us-west-2-test-bp-ml-train-build");
        // sts:GetServiceBearerToken accepts only "*", so the pack has nothing to report even before the suppression.
        assertThat(buildPolicies.findingsOn("training-build-policy-1"))
                .noneMatch(f -> "mandatory".equals(f.get("level")) && !Boolean.TRUE.equals(f.get("suppressed")));
    }

    @Test
    void mdaaDeployBuildPolicyArnIsAttachedToTheDeployBuildRole() {
        StackPlanJson buildPolicies = plan("mdaa-build-policies");
        String deployBuildRole = String.valueOf(
                buildPolicies.inputs("aws:iam/role:Role", "deploy-build-preprod-role").get("name"));

        assertThat(buildPolicies.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment"))
                .extracting(ExamplesPlanTest::inputsOf)
                .contains(Map.of("role", deployBuildRole,
                        "policyArn", "arn:aws:iam::123456789012:policy/CodeArtifactReadOnly"));
    }

    /**
     * Pulumi Cloud keeps the hosting stacks: nothing of the self-managed backend is created, each deploy build gets
     * the access token from the secret, and only that secret may be read, by the build role and within the boundary.
     */
    @Test
    void pulumiCloudCreatesNoStateBackendAndEachDeployBuildReadsTheTokenFromItsSecretAlone() {
        StackPlanJson cloud = plan("pulumi-cloud");
        String secret = "arn:aws:secretsmanager:eu-central-1:777788889999:secret:"
                + "contoso/claims-triage/pulumi-access-token-Q7mZ2k";

        assertThat(cloud.names("aws:s3/bucketV2:BucketV2")).doesNotContain("deploy-backend-state");
        assertThat(cloud.names("aws:kms/key:Key")).containsExactly("store-key");
        assertThat(cloud.outputs()).doesNotContainKey("secretsKeyArn")
                .containsEntry("stateBackendUrl", "https://api.pulumi.com").containsEntry("secretsProvider", "default");
        assertThat(secretsManagerStatements(cloud.inputs("aws:iam/policy:Policy", "permission-boundary")))
                .as("the boundary").containsExactly(readOf(secret));
        for (String stage : List.of("preprod", "prod")) {
            Map<String, Object> build = cloud.inputs("aws:codebuild/project:Project", "deploy-" + stage);
            assertThat(environmentVariableEntries(build)).filteredOn(v -> "PULUMI_ACCESS_TOKEN".equals(v.get("name")))
                    .containsExactly(Map.of("name", "PULUMI_ACCESS_TOKEN", "type", "SECRETS_MANAGER", "value", secret));
            assertThat(environmentVariables(build)).containsEntry("PULUMI_BACKEND_URL", "https://api.pulumi.com");
            assertThat(secretsManagerStatements(cloud.inputs("aws:iam/rolePolicy:RolePolicy",
                    "deploy-build-" + stage + "-permissions"))).as(stage).containsExactly(readOf(secret));
        }
        assertThat(cloud.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).extracting(ExamplesPlanTest::inputsOf)
                .noneMatch(attachment -> String.valueOf(attachment.get("role")).contains("-deploy-build"));
    }

    /** The effect, actions and resources of each statement of a policy input that names a Secrets Manager action. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> secretsManagerStatements(Map<String, Object> policyInputs) {
        Map<String, Object> document = new Gson().fromJson(String.valueOf(policyInputs.get("policy")), Map.class);
        return ((List<Map<String, Object>>) document.get("Statement")).stream()
                .filter(st -> asList(st.get("Action")).stream()
                        .anyMatch(a -> a.equals("*") || a.startsWith("secretsmanager:")))
                .map(st -> Map.<String, Object>of("Effect", st.get("Effect"), "Action", asList(st.get("Action")),
                        "Resource", asList(st.get("Resource"))))
                .toList();
    }

    private static Map<String, Object> readOf(String secret) {
        return Map.of("Effect", "Allow", "Action", List.of("secretsmanager:GetSecretValue"), "Resource", List.of(secret));
    }

    private static List<String> asList(Object element) {
        return element instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(element));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> environmentVariableEntries(Map<String, Object> project) {
        return (List<Map<String, Object>>) ((Map<String, Object>) project.get("environment")).get("environmentVariables");
    }

    @Test
    void mdaaMinimalDeploysToOneStageInTheToolingAccount() {
        StackPlanJson minimal = plan("mdaa-minimal");

        assertThat(minimal.inputs("aws:sagemaker/modelPackageGroup:ModelPackageGroup", "store-registry"))
                .containsEntry("modelPackageGroupName", "test-mpg");
        assertThat(minimal.inputs("aws:s3/bucketV2:BucketV2", "store-models")).containsEntry("bucket", "test-bucket");
        assertThat(minimal.repositoryNames()).containsExactlyInAnyOrder("mdaa-dev-c001-us-west-2-test-minimal-ml-model-build",
                        "mdaa-dev-c001-us-west-2-test-minimal-ml-model-deploy");
        assertThat(minimal.inputs("aws:kms/key:Key", "store-key")).containsEntry("enableKeyRotation", true);
        assertThat(minimal.stageNames("training-pipeline")).containsExactly("Source", "Train");
        assertThat(minimal.names("aws:codebuild/project:Project"))
                .containsExactlyInAnyOrder("training-build", "deploy-preprod");
        assertThat(minimal.stageNames("deploy-pipeline")).containsExactly("Source", "DeployPreProd");
        assertThat(environmentVariables(minimal.inputs("aws:codebuild/project:Project", "deploy-preprod")))
                .containsEntry("TARGET_ACCOUNT_ID", "123456789012")
                .containsEntry("MODEL_PACKAGE_GROUP_NAME", "test-mpg");
        assertThat(minimal.hasApprovalTrigger()).isTrue();
        assertThat(minimal.names("aws:iam/role:Role")).contains("training-build-role", "training-pipeline-role",
                "training-sagemaker-role", "deploy-pipeline-role");
        assertThat(minimal.parameterNames()).containsExactlyInAnyOrderElementsOf(PROFESSIONAL_PARAMETERS);
    }
}
