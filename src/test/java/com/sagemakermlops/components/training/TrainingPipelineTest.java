package com.sagemakermlops.components.training;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.sagemakermlops.components.training.TrainingFixture.PIPELINE;
import static com.sagemakermlops.components.training.TrainingFixture.PRODUCT;
import static com.sagemakermlops.components.training.TrainingFixture.inputs;
import static com.sagemakermlops.components.training.TrainingFixture.list;
import static com.sagemakermlops.components.training.TrainingFixture.rolePolicy;
import static com.sagemakermlops.components.training.TrainingFixture.statement;
import static com.sagemakermlops.components.training.TrainingFixture.statements;
import static com.sagemakermlops.testing.TestStacks.PREPROD_ACCOUNT;
import static com.sagemakermlops.testing.TestStacks.PROD_ACCOUNT;
import static com.sagemakermlops.testing.TestStacks.TOOLING_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

class TrainingPipelineTest {
    static final String ROOT = "arn:aws:iam::" + TOOLING_ACCOUNT + ":root";
    static final String BUCKET_ARN = "arn:aws:s3:::" + PRODUCT + "-models";
    static final String ROLE = "arn:aws:iam::" + TOOLING_ACCOUNT + ":role/" + PRODUCT + "-train-";
    static final String BOUNDARY = "arn:aws:iam::" + TOOLING_ACCOUNT + ":policy/boundary";

    static Recording comprehensive;

    @BeforeAll
    static void runComprehensive() {
        comprehensive = TrainingFixture.run(TestStacks.config(TrainingFixture.COMPREHENSIVE),
                Optional.of(Output.of(BOUNDARY)));
    }

    private static Object keyPolicy() {
        return inputs(comprehensive, "aws:kms/key:Key", "store-key").get("policy");
    }

    @Test
    void keyRotatesAndIsAliasedByProduct() {
        assertThat(inputs(comprehensive, "aws:kms/key:Key", "store-key")).containsEntry("enableKeyRotation", true);
        assertThat(inputs(comprehensive, "aws:kms/alias:Alias", "store-key-alias"))
                .containsEntry("name", "alias/globalbank-prod-c001-fraud-detection-ml-key");
    }

    @Test
    void keyPolicyGivesEachPrincipalItsOwnStatementAndNoWildcardPrincipal() {
        assertThat(statements(keyPolicy())).extracting(s -> s.get("Sid")).containsExactly(
                "KeyAdministrationByAccount", "KeyUseThroughS3AndCodeCommitInAccount",
                "KeyDecryptOfModelArtifactsByTargetAccounts", "KeyGrantsForEndpointsInTargetAccounts",
                "KeyEncryptOfDataCaptureByTargetAccounts",
                "KeyUseBySageMakerExecutionRole", "KeyGrantsForAwsResourcesBySageMakerExecutionRole",
                "KeyUseByTrainingBuildRole", "KeyUseByTrainingPipelineRole", "KeyUseByCloudWatchLogsForBuildLogs");
        Map<String, Object> admin = statement(keyPolicy(), "KeyAdministrationByAccount");
        assertThat(admin.get("Principal")).isEqualTo(Map.of("AWS", ROOT));
        assertThat(list(admin.get("Action"))).containsExactlyElementsOf(
                        Statement.KEY_ADMINISTRATION)
                .contains("kms:PutKeyPolicy", "kms:ScheduleKeyDeletion")
                .doesNotContain("kms:Decrypt", "kms:Encrypt", "kms:*");
        assertThat(statement(keyPolicy(), "KeyUseBySageMakerExecutionRole").get("Principal"))
                .isEqualTo(Map.of("AWS", ROLE + "sm"));
        assertThat(statement(keyPolicy(), "KeyUseByTrainingBuildRole").get("Principal"))
                .isEqualTo(Map.of("AWS", ROLE + "build"));
        assertThat(statement(keyPolicy(), "KeyUseByTrainingPipelineRole").get("Principal"))
                .isEqualTo(Map.of("AWS", ROLE + "pipe"));
        assertThat(statement(keyPolicy(), "KeyGrantsForAwsResourcesBySageMakerExecutionRole").get("Condition"))
                .isEqualTo(Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true")));
        Map<String, Object> inAccount = statement(keyPolicy(), "KeyUseThroughS3AndCodeCommitInAccount");
        assertThat(inAccount.get("Principal")).isEqualTo(Map.of("AWS", ROOT));
        assertThat(inAccount.get("Condition")).isEqualTo(Map.of("StringEquals", Map.of(
                "kms:ViaService", List.of("s3.us-west-2.amazonaws.com", "codecommit.us-west-2.amazonaws.com"),
                "kms:CallerAccount", TOOLING_ACCOUNT)));

        Map<String, Object> targets = statement(keyPolicy(), "KeyDecryptOfModelArtifactsByTargetAccounts");
        assertThat(targets.get("Principal")).isEqualTo(Map.of("AWS", List.of(
                "arn:aws:iam::" + PREPROD_ACCOUNT + ":root", "arn:aws:iam::" + PROD_ACCOUNT + ":root")));
        assertThat(list(targets.get("Action"))).containsExactly("kms:Decrypt", "kms:DescribeKey");
        assertThat(targets.get("Condition"))
                .isEqualTo(Map.of("StringEquals", Map.of("kms:ViaService", "s3.us-west-2.amazonaws.com")));
        Map<String, Object> endpoints = statement(keyPolicy(), "KeyGrantsForEndpointsInTargetAccounts");
        assertThat(endpoints.get("Principal")).isEqualTo(targets.get("Principal"));
        assertThat(list(endpoints.get("Action"))).containsExactly("kms:CreateGrant");
        assertThat(endpoints.get("Condition")).isEqualTo(Map.of(
                "Bool", Map.of("kms:GrantIsForAWSResource", "true"),
                "StringEquals", Map.of("kms:ViaService", "sagemaker.us-west-2.amazonaws.com")));
        Map<String, Object> capture = statement(keyPolicy(), "KeyEncryptOfDataCaptureByTargetAccounts");
        assertThat(capture.get("Principal")).isEqualTo(targets.get("Principal"));
        assertThat(list(capture.get("Action"))).containsExactly("kms:Encrypt", "kms:GenerateDataKey");
        assertThat(capture.get("Condition")).isEqualTo(targets.get("Condition"));

        Map<String, Object> logs = statement(keyPolicy(), "KeyUseByCloudWatchLogsForBuildLogs");
        assertThat(logs.get("Principal")).isEqualTo(Map.of("Service", "logs.us-west-2.amazonaws.com"));
        // Only the operations that carry the log group as encryption context: the condition holds for them.
        assertThat(list(logs.get("Action"))).doesNotContain("kms:DescribeKey").contains("kms:Encrypt",
                "kms:Decrypt", "kms:GenerateDataKey");
        assertThat(logs.get("Condition")).isEqualTo(Map.of("ArnEquals", Map.of("kms:EncryptionContext:aws:logs:arn",
                "arn:aws:logs:us-west-2:" + TOOLING_ACCOUNT + ":log-group:/aws/codebuild/" + PRODUCT
                        + "-training-build")));

        for (Map<String, Object> s : statements(keyPolicy())) {
            assertThat(String.valueOf(s.get("Principal"))).doesNotContain("=*");
            assertThat(list(s.get("Action"))).allSatisfy(a -> assertThat((String) a).doesNotContain("*"));
        }
    }

    @Test
    void bucketIsEncryptedVersionedPrivateAndTlsOnly() {
        Map<String, Object> sse = inputs(comprehensive,
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "store-models-encryption");
        Object keyArn = inputs(comprehensive, "aws:codebuild/project:Project", "training-build").get("encryptionKey");
        assertThat(keyArn).asString().startsWith("arn:aws:kms:us-west-2:" + TOOLING_ACCOUNT + ":key/");
        assertThat(sse.get("rules")).isEqualTo(List.of(Map.of("applyServerSideEncryptionByDefault",
                Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", keyArn), "bucketKeyEnabled", true)));
        assertThat(inputs(comprehensive, "aws:s3/bucketVersioningV2:BucketVersioningV2", "store-models-versioning")
                .get("versioningConfiguration")).isEqualTo(Map.of("status", "Enabled"));
        assertThat(inputs(comprehensive, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "store-models-public-access"))
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);
        assertThat(inputs(comprehensive, "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "store-models-ownership")
                .get("rule")).isEqualTo(Map.of("objectOwnership", "BucketOwnerEnforced"));

        Object policy = inputs(comprehensive, "aws:s3/bucketPolicy:BucketPolicy", "store-models-policy").get("policy");
        Map<String, Object> tls = statement(policy, "DenyInsecureTransport");
        assertThat(tls).containsEntry("Effect", "Deny")
                .containsEntry("Resource", List.of(BUCKET_ARN, BUCKET_ARN + "/*"))
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        assertThat(statements(policy)).extracting(s -> s.get("Sid")).containsExactly("DenyInsecureTransport",
                "ReadModelArtifactsByTargetAccounts", "WriteDataCaptureByPreProd", "WriteDataCaptureByProd",
                "ListDataCaptureByPreProd", "ReadDataCaptureByPreProd", "WriteMonitoringReportsByPreProd",
                "ListDataCaptureByProd", "ReadDataCaptureByProd", "WriteMonitoringReportsByProd");
        Map<String, Object> read = statement(policy, "ReadModelArtifactsByTargetAccounts");
        assertThat(read.get("Principal")).isEqualTo(Map.of("AWS", List.of(
                "arn:aws:iam::" + PREPROD_ACCOUNT + ":root", "arn:aws:iam::" + PROD_ACCOUNT + ":root")));
        assertThat(read.get("Resource")).isEqualTo(BUCKET_ARN + "/pipelines/" + PRODUCT + "-model-build/*");
        assertThat(read.get("Action")).isEqualTo(List.of("s3:GetObject", "s3:GetObjectVersion"));
        assertThat(statement(policy, "WriteDataCaptureByPreProd"))
                .containsEntry("Principal", Map.of("AWS", "arn:aws:iam::" + PREPROD_ACCOUNT + ":root"))
                .containsEntry("Action", "s3:PutObject")
                .containsEntry("Resource", BUCKET_ARN + "/data-capture/preprod/*");
        assertThat(statement(policy, "WriteDataCaptureByProd"))
                .containsEntry("Principal", Map.of("AWS", "arn:aws:iam::" + PROD_ACCOUNT + ":root"))
                .containsEntry("Action", "s3:PutObject")
                .containsEntry("Resource", BUCKET_ARN + "/data-capture/prod/*");
        // The stage's monitoring jobs list and read its capture and write its reports, nothing else.
        assertThat(statement(policy, "ListDataCaptureByProd"))
                .containsEntry("Principal", Map.of("AWS", "arn:aws:iam::" + PROD_ACCOUNT + ":root"))
                .containsEntry("Action", "s3:ListBucket").containsEntry("Resource", BUCKET_ARN)
                .containsEntry("Condition", Map.of("StringLike", Map.of("s3:prefix", "data-capture/prod/*")));
        assertThat(statement(policy, "ReadDataCaptureByProd")).containsEntry("Action", "s3:GetObject")
                .containsEntry("Resource", BUCKET_ARN + "/data-capture/prod/*");
        assertThat(statement(policy, "WriteMonitoringReportsByProd")).containsEntry("Action", "s3:PutObject")
                .containsEntry("Resource", BUCKET_ARN + "/monitoring-reports/prod/*");
    }

    @Test
    void registryIsNamedFromDeployAndSharedWithTargetAccounts() {
        assertThat(inputs(comprehensive, "aws:sagemaker/modelPackageGroup:ModelPackageGroup", "store-registry"))
                .containsEntry("modelPackageGroupName", "fraud-models");
        Object policy = inputs(comprehensive, "aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy",
                "store-registry-policy").get("resourcePolicy");
        String registry = "arn:aws:sagemaker:us-west-2:" + TOOLING_ACCOUNT + ":model-package";
        Map<String, Object> targets = Map.of("AWS", List.of(
                "arn:aws:iam::" + PREPROD_ACCOUNT + ":root", "arn:aws:iam::" + PROD_ACCOUNT + ":root"));
        assertThat(statements(policy)).extracting(s -> s.get("Sid")).containsExactly(
                "DescribeModelPackageGroupByTargetAccounts", "UseModelPackagesByTargetAccounts");
        assertThat(statement(policy, "DescribeModelPackageGroupByTargetAccounts"))
                .containsEntry("Principal", targets)
                .containsEntry("Action", "sagemaker:DescribeModelPackageGroup")
                .containsEntry("Resource", registry + "-group/fraud-models");
        Map<String, Object> use = statement(policy, "UseModelPackagesByTargetAccounts");
        assertThat(use.get("Action")).isEqualTo(List.of("sagemaker:DescribeModelPackage",
                "sagemaker:ListModelPackages", "sagemaker:CreateModel"));
        assertThat(use.get("Resource")).isEqualTo(registry + "/fraud-models/*");
        assertThat(use.get("Principal")).isEqualTo(targets);
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildProjectRunsTheSeedCodeWithItsEnvironmentInTheVpc() {
        Map<String, Object> project = inputs(comprehensive, "aws:codebuild/project:Project", "training-build");
        assertThat(project.get("encryptionKey")).asString().startsWith("arn:aws:kms:us-west-2:");
        assertThat(project.get("source")).isEqualTo(Map.of("type", "CODEPIPELINE", "buildspec", "buildspec.yml"));
        assertThat(project.get("buildTimeout")).isEqualTo(150.0);
        Map<String, Object> environment = (Map<String, Object>) project.get("environment");
        assertThat(environment).containsEntry("image", "aws/codebuild/standard:7.0")
                .doesNotContainKey("privilegedMode");
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) environment.get("environmentVariables"))
                .forEach(v -> variables.put((String) v.get("name"), v.get("value")));
        assertThat(variables).containsOnlyKeys("MODEL_PACKAGE_GROUP_NAME", "MODEL_BUCKET", "SAGEMAKER_ROLE_ARN",
                "KMS_KEY_ARN", "SAGEMAKER_PIPELINE_NAME", "ENABLE_NETWORK_ISOLATION",
                "ENABLE_INTER_CONTAINER_ENCRYPTION", "SUBNET_IDS", "SECURITY_GROUP_IDS", "PRODUCT_NAME",
                "SOURCE_FOLDER");
        assertThat(variables).containsEntry("SOURCE_FOLDER", ".")
                .containsEntry("MODEL_PACKAGE_GROUP_NAME", "fraud-models")
                .containsEntry("MODEL_BUCKET", PRODUCT + "-models")
                .containsEntry("SAGEMAKER_ROLE_ARN", ROLE + "sm")
                .containsEntry("SAGEMAKER_PIPELINE_NAME", PRODUCT + "-model-build")
                .containsEntry("ENABLE_NETWORK_ISOLATION", "false")
                .containsEntry("ENABLE_INTER_CONTAINER_ENCRYPTION", "true")
                .containsEntry("SUBNET_IDS", "subnet-0a1b2c3d4e5f60718,subnet-0a1b2c3d4e5f60719")
                .containsEntry("SECURITY_GROUP_IDS", "sg-0a1b2c3d4e5f60718")
                .containsEntry("PRODUCT_NAME", PRODUCT);
        assertThat(variables.get("KMS_KEY_ARN")).isEqualTo(project.get("encryptionKey"));
        assertThat(project.get("vpcConfig")).isEqualTo(Map.of("vpcId", "vpc-0a1b2c3d4e5f60718",
                "subnets", List.of("subnet-0a1b2c3d4e5f60718", "subnet-0a1b2c3d4e5f60719"),
                "securityGroupIds", List.of("sg-0a1b2c3d4e5f60718")));
        assertThat(project.get("logsConfig")).isEqualTo(Map.of("cloudwatchLogs", Map.of("status", "ENABLED",
                "groupName", "/aws/codebuild/" + PRODUCT + "-training-build")));
        assertThat(inputs(comprehensive, "aws:cloudwatch/logGroup:LogGroup", "training-build-logs"))
                .containsEntry("retentionInDays", 365.0).containsKey("kmsKeyId");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pipelineIsV2SourceThenTrainWithEncryptedArtifacts() {
        Map<String, Object> pipeline = inputs(comprehensive, "aws:codepipeline/pipeline:Pipeline", "training-pipeline");
        assertThat(pipeline).containsEntry("pipelineType", "V2").containsEntry("roleArn", ROLE + "pipe");
        Map<String, Object> store = ((List<Map<String, Object>>) pipeline.get("artifactStores")).get(0);
        assertThat(store).containsEntry("type", "S3").containsEntry("location", PRODUCT + "-models");
        assertThat((Map<String, Object>) store.get("encryptionKey")).containsEntry("type", "KMS").containsEntry("id",
                inputs(comprehensive, "aws:codebuild/project:Project", "training-build").get("encryptionKey"));
        List<Map<String, Object>> stages = (List<Map<String, Object>>) pipeline.get("stages");
        assertThat(stages).extracting(s -> s.get("name")).containsExactly("Source", "Train");
        Map<String, Object> source = ((List<Map<String, Object>>) stages.get(0).get("actions")).get(0);
        assertThat(source).containsEntry("provider", "CodeCommit").containsEntry("outputArtifacts",
                List.of("SourceOutput"));
        Map<String, Object> train = ((List<Map<String, Object>>) stages.get(1).get("actions")).get(0);
        assertThat(train).containsEntry("category", "Build").containsEntry("provider", "CodeBuild")
                .containsEntry("inputArtifacts", List.of("SourceOutput"))
                .containsEntry("configuration", Map.of("ProjectName", PRODUCT + "-training-build"));
    }

    @Test
    void rolesTrustOnlyTheirServiceAndCarryTheBoundary() {
        Map<String, String> services = Map.of("training-sagemaker-role", "sagemaker.amazonaws.com",
                "training-build-role", "codebuild.amazonaws.com", "training-pipeline-role", "codepipeline.amazonaws.com",
                "training-source-change-role", "events.amazonaws.com");
        services.forEach((role, service) -> {
            Map<String, Object> inputs = inputs(comprehensive, "aws:iam/role:Role", role);
            List<Map<String, Object>> trust = statements(inputs.get("assumeRolePolicy"));
            assertThat(trust).singleElement().satisfies(s -> assertThat(s.get("Principal"))
                    .isEqualTo(Map.of("Service", service)));
            assertThat(inputs).containsEntry("permissionsBoundary", BOUNDARY);
        });
        TrainingNames names = TrainingNames.of(new Naming(TestStacks.config(TrainingFixture.COMPREHENSIVE)
                .requireProduct(), TestStacks.REGION), "fraud-models");
        String rule = names.startRule();
        assertThat(statement(inputs(comprehensive, "aws:iam/role:Role", "training-source-change-role")
                .get("assumeRolePolicy"), "TrustThisRule").get("Condition")).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", TOOLING_ACCOUNT),
                "ArnLike", Map.of("aws:SourceArn", "arn:aws:events:us-west-2:" + TOOLING_ACCOUNT + ":rule/" + rule)));
        assertThat(statement(inputs(comprehensive, "aws:iam/role:Role", "training-sagemaker-role")
                .get("assumeRolePolicy"), "TrustSageMaker").get("Condition")).isEqualTo(Map.of(
                "ArnLike", Map.of("aws:SourceArn", "arn:aws:sagemaker:us-west-2:" + TOOLING_ACCOUNT + ":*")));
        assertThat(statement(inputs(comprehensive, "aws:iam/role:Role", "training-build-role")
                .get("assumeRolePolicy"), "TrustCodeBuildProject").get("Condition")).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", TOOLING_ACCOUNT),
                "ArnLike", Map.of("aws:SourceArn", "arn:aws:codebuild:us-west-2:" + TOOLING_ACCOUNT + ":project/"
                        + names.buildProject())));
        assertThat(inputs(comprehensive, "aws:iam/role:Role", "training-pipeline-role").get("tags"))
                .asString().contains("mlops:suppress:iam-service-trust-source-conditioned");
    }

    @Test
    void buildRolePassesOnlyTheSageMakerRoleToSageMaker() {
        Map<String, Object> pass = statement(rolePolicy(comprehensive, "training-build-permissions"),
                "PassSageMakerExecutionRole");
        assertThat(pass).containsEntry("Action", "iam:PassRole").containsEntry("Resource", ROLE + "sm")
                .containsEntry("Condition", Map.of("StringEquals",
                        Map.of("iam:PassedToService", "sagemaker.amazonaws.com")));
        assertThat(statement(rolePolicy(comprehensive, "training-build-permissions"), "UpsertAndStartPipeline").get("Resource"))
                .isEqualTo("arn:aws:sagemaker:us-west-2:" + TOOLING_ACCOUNT + ":pipeline/" + PRODUCT
                        + "-model-build");
        assertThat(statement(rolePolicy(comprehensive, "training-build-permissions"), "WriteBuildLogs").get("Resource"))
                .isEqualTo("arn:aws:logs:us-west-2:" + TOOLING_ACCOUNT + ":log-group:/aws/codebuild/" + PRODUCT
                        + "-training-build:*");
        List<String> subnets = List.of(
                "arn:aws:ec2:us-west-2:" + TOOLING_ACCOUNT + ":subnet/subnet-0a1b2c3d4e5f60718",
                "arn:aws:ec2:us-west-2:" + TOOLING_ACCOUNT + ":subnet/subnet-0a1b2c3d4e5f60719");
        assertThat(statement(rolePolicy(comprehensive, "training-build-permissions"), "AuthorizeNetworkInterfaces"))
                .containsEntry("Action", "ec2:CreateNetworkInterfacePermission")
                .containsEntry("Condition", Map.of(
                        "StringEquals", Map.of("ec2:AuthorizedService", "codebuild.amazonaws.com"),
                        "ArnEquals", Map.of("ec2:Subnet", subnets)));
    }

    @Test
    void sageMakerRoleAuthorizesInterfacesInItsSubnetsWithoutACodeBuildOnlyCondition() {
        assertThat(statement(rolePolicy(comprehensive, "training-sagemaker-permissions"), "AuthorizeNetworkInterfaces"))
                .containsEntry("Action", List.of("ec2:CreateNetworkInterfacePermission",
                        "ec2:DeleteNetworkInterfacePermission"))
                .containsEntry("Condition", Map.of("ArnEquals", Map.of("ec2:Subnet", List.of(
                        "arn:aws:ec2:us-west-2:" + TOOLING_ACCOUNT + ":subnet/subnet-0a1b2c3d4e5f60718",
                        "arn:aws:ec2:us-west-2:" + TOOLING_ACCOUNT + ":subnet/subnet-0a1b2c3d4e5f60719"))));
    }

    @Test
    void pipelineRoleStartsOnlyItsBuildAndReadsItsSource() {
        String policy = rolePolicy(comprehensive, "training-pipeline-permissions");
        assertThat(statement(policy, "RunTrainingBuild").get("Resource"))
                .isEqualTo("arn:aws:codebuild:us-west-2:" + TOOLING_ACCOUNT + ":project/" + PRODUCT + "-training-build");
        assertThat(statement(policy, "ReadSourceRepository").get("Resource"))
                .isEqualTo("arn:aws:codecommit:us-west-2:" + TOOLING_ACCOUNT + ":" + PRODUCT + "-model-build");
        assertThat(statement(policy, "ReadWritePipelineArtifacts").get("Resource"))
                .isEqualTo(BUCKET_ARN + "/training-489155ae-gl/*");
    }

    @Test
    void noWildcardActionAndWildcardResourcesOnlyWhereNoNarrowerExists() {
        List<String> allowedAnyResource = List.of("ecr:GetAuthorizationToken", "cloudwatch:PutMetricData",
                "sagemaker:ListModelPackages", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions",
                "codecommit:ListRepositories");
        List<String> anyResource = new java.util.ArrayList<>();
        for (RecordedResource policy : comprehensive.ofType("aws:iam/rolePolicy:RolePolicy")) {
            for (Map<String, Object> s : statements(policy.inputValues().get("policy"))) {
                assertThat(list(s.get("Action"))).allSatisfy(a -> assertThat((String) a).doesNotContain("*"));
                if (list(s.get("Resource")).contains("*")) {
                    anyResource.add(policy.name() + " " + s.get("Sid"));
                    assertThat(list(s.get("Action"))).as(policy.name() + " " + s.get("Sid"))
                            .allSatisfy(a -> assertThat(allowedAnyResource).contains((String) a));
                }
            }
        }
        assertThat(anyResource).containsExactlyInAnyOrder("training-sagemaker-permissions GetRegistryToken",
                "training-sagemaker-permissions PutJobMetrics", "training-sagemaker-permissions DescribeNetwork",
                "training-build-permissions ListModelVersions", "training-build-permissions DescribeNetwork",
                "training-source-repository-role FindRepositories");
    }

    @Test
    void buildPoliciesBecomeTaggedPoliciesOrDirectAttachments() {
        Map<String, Object> document = inputs(comprehensive, "aws:iam/policy:Policy", "training-build-policy-1");
        assertThat(statements(document.get("policy"))).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("Action", "sts:GetServiceBearerToken")
                .containsEntry("Condition", Map.of("StringEquals",
                        Map.of("sts:AWSServiceName", "codeartifact.amazonaws.com"))));
        assertThat(document.get("tags")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry(PolicyPack.SUPPRESSION_TAG_PREFIX + "AwsSolutions-IAM5",
                        "sts:GetServiceBearerToken requires Resource:ANY conditioned on the service name")
                .containsEntry("product", PRODUCT);
        assertThat(inputs(comprehensive, "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "training-build-policy-1"))
                .containsEntry("policyArn", "arn:aws:iam::" + TOOLING_ACCOUNT + ":policy/" + document.get("name"))
                .containsEntry("role", PRODUCT + "-train-build");
        assertThat(inputs(comprehensive, "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "training-build-policy-2"))
                .containsEntry("policyArn", "arn:aws:iam::111122223333:policy/CodeArtifactReadOnly")
                .containsEntry("role", PRODUCT + "-train-build");
        assertThat(comprehensive.find("aws:iam/policy:Policy", "training-build-policy-2")).isEmpty();
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        String component = comprehensive.ofType(TrainingPipeline.TYPE).get(0).urn();
        List<String> parents = TestStores.componentAndItsChildComponents(comprehensive, component);
        assertThat(parents).hasSizeGreaterThan(1);
        assertThat(TrainingFixture.children(comprehensive)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.parent()).as(r.type() + " " + r.name()).isPresent().get().isIn(parents));
    }

    @Test
    void enterpriseTierPublishesEveryTrainingParameter() {
        Map<Object, Object> parameters = new java.util.HashMap<>();
        comprehensive.ofType("aws:ssm/parameter:Parameter")
                .forEach(r -> parameters.put(r.inputValues().get("name"), r.inputValues().get("value")));
        String path = "/ml/" + PRODUCT + "/";
        assertThat(parameters).containsOnlyKeys(path + "ModelPackageGroupArn", path + "RepositoryUrl",
                path + "SageMakerRoleArn", path + "BucketName", path + "BuildPipelineArn", path + "KmsKeyArn");
        assertThat(parameters)
                .containsEntry(path + "ModelPackageGroupArn",
                        "arn:aws:sagemaker:us-west-2:" + TOOLING_ACCOUNT + ":model-package-group/fraud-models")
                .containsEntry(path + "RepositoryUrl",
                        "https://git-codecommit.us-west-2.amazonaws.com/v1/repos/" + PRODUCT + "-model-build")
                .containsEntry(path + "SageMakerRoleArn", ROLE + "sm")
                .containsEntry(path + "BucketName", PRODUCT + "-models")
                .containsEntry(path + "BuildPipelineArn",
                        "arn:aws:codepipeline:us-west-2:" + TOOLING_ACCOUNT + ":" + PIPELINE)
                .containsEntry(path + "KmsKeyArn",
                        inputs(comprehensive, "aws:codebuild/project:Project", "training-build").get("encryptionKey"));
    }

    @Test
    void starterPublishesTheStarterParametersAndSetsNoBoundary() {
        Recording starter = TrainingFixture.run(TrainingFixture.minimal());
        assertThat(starter.ofType("aws:ssm/parameter:Parameter")).extracting(r -> r.inputValues().get("name"))
                .containsExactlyInAnyOrder("/ml/" + PRODUCT + "/ModelPackageGroupArn",
                        "/ml/" + PRODUCT + "/RepositoryUrl", "/ml/" + PRODUCT + "/SageMakerRoleArn");
        assertThat(inputs(starter, "aws:iam/role:Role", "training-build-role")).doesNotContainKey("permissionsBoundary");
    }

    @Test
    void policyPackFindsNoMandatoryViolation() {
        List<PolicyFinding> blocking = PolicyPack.standard()
                .evaluate(comprehensive.resources().stream().map(RecordedResource::toPolicyResource).toList(),
                        PolicyPackConfig.defaults())
                .stream().filter(PolicyFinding::blocking).toList();
        assertThat(blocking).extracting(PolicyFinding::format).isEmpty();
    }

    @Test
    void theTrainingBuildOutlastsTheSeedCodesWaitForItsPipeline() throws java.io.IOException {
        String buildspec = java.nio.file.Files.readString(java.nio.file.Path.of("seed-code/model-build/buildspec.yml"));
        var wait = java.util.regex.Pattern.compile("PIPELINE_TIMEOUT_SECONDS: \"(\\d+)\"").matcher(buildspec);

        assertThat(wait.find()).as("the seed buildspec sets PIPELINE_TIMEOUT_SECONDS").isTrue();
        assertThat(TrainingPipeline.BUILD_TIMEOUT_MINUTES * 60).isGreaterThan(Integer.parseInt(wait.group(1)));
    }

    @Test
    void theSageMakerRoleMayPullEveryImageTheSeedPipelineRuns() throws java.io.IOException {
        String images = java.nio.file.Files.readString(java.nio.file.Path.of("seed-code/model-build/pipelines/images.py"));
        var repository = java.util.regex.Pattern.compile("[/\"](sagemaker-[a-z-]+)[:\"]").matcher(images);
        List<String> seedImages = repository.results().map(m -> m.group(1)).distinct().toList();
        Object pull = statement(rolePolicy(comprehensive, "training-sagemaker-permissions"), "PullFrameworkImages").get("Resource");

        assertThat(seedImages).containsExactlyInAnyOrder("sagemaker-xgboost", "sagemaker-scikit-learn",
                "sagemaker-model-monitor-analyzer");
        assertThat(list(pull)).containsExactlyInAnyOrderElementsOf(seedImages.stream()
                .map(image -> "arn:aws:ecr:us-west-2:*:repository/" + image).toList());
    }
}
