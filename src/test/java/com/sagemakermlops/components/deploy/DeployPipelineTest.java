package com.sagemakermlops.components.deploy;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.components.store.ModelStore;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.sagemakermlops.components.deploy.DeployFixtures.BUCKET;
import static com.sagemakermlops.components.deploy.DeployFixtures.ARTIFACT_FOLDER;
import static com.sagemakermlops.components.deploy.DeployFixtures.BUCKET_ARN;
import static com.sagemakermlops.components.deploy.DeployFixtures.CMK_ARN;
import static com.sagemakermlops.components.deploy.DeployFixtures.GROUP;
import static com.sagemakermlops.components.deploy.DeployFixtures.GROUP_ARN;
import static com.sagemakermlops.components.deploy.DeployFixtures.NAMING;
import static com.sagemakermlops.components.deploy.DeployFixtures.PREPROD;
import static com.sagemakermlops.components.deploy.DeployFixtures.PROD;
import static com.sagemakermlops.components.deploy.DeployFixtures.REGION;
import static com.sagemakermlops.components.deploy.DeployFixtures.REPO_ARN;
import static com.sagemakermlops.components.deploy.DeployFixtures.args;
import static com.sagemakermlops.components.deploy.DeployFixtures.json;
import static com.sagemakermlops.components.deploy.DeployFixtures.run;
import static com.sagemakermlops.components.deploy.DeployFixtures.statement;
import static com.sagemakermlops.components.deploy.DeployFixtures.statements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployPipelineTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String PROJECT = "aws:codebuild/project:Project";
    private static final String PIPELINE = "aws:codepipeline/pipeline:Pipeline";
    private static final String RULE = "aws:cloudwatch/eventRule:EventRule";
    private static final String TARGET = "aws:cloudwatch/eventTarget:EventTarget";

    /** Professional, both environments, approval and trigger on: the comprehensive layout, run once. */
    private static final Recording FULL = run(args(DeployFixtures.both(), Tier.PROFESSIONAL));

    @ParameterizedTest(name = "preprod={0} prod={1} approval={2}")
    @CsvSource({
            "true,  false, true,  Source DeployPreProd",
            "false, true,  false, Source DeployProd",
            "false, true,  true,  Source ManualApproval DeployProd",
            "true,  true,  false, Source DeployPreProd DeployProd",
            "true,  true,  true,  Source DeployPreProd ManualApproval DeployProd"})
    void recordedPipelineHasThePlannedStagesAndOneProjectPerEnvironment(boolean preprod, boolean prod,
                                                                        boolean approval, String expected) {
        DeployConfig deploy = DeployFixtures.deploy(preprod ? Optional.of(PREPROD) : Optional.empty(),
                prod ? Optional.of(PROD) : Optional.empty(), approval);
        Recording recording = run(args(deploy, Tier.PROFESSIONAL));

        List<Map<String, Object>> stages = stages(recording);

        assertThat(stages).extracting(s -> s.get("name")).containsExactly((Object[]) expected.split(" "));
        assertThat(stages).extracting(s -> s.get("name"))
                .containsExactlyElementsOf(DeployStages.plan(deploy).stream().map(DeployStages.Stage::name).toList());
        assertThat(recording.ofType(PROJECT)).extracting(p -> p.inputValues().get("name"))
                .containsExactlyElementsOf(deploy.environments().stream()
                        .map(e -> DeployBuild.projectName(NAMING, e.stage())).toList());
    }

    @Test
    void withoutAnyEnvironmentTheArgsAreRefused() {
        DeployConfig none = DeployFixtures.deploy(Optional.empty(), Optional.empty(), true);

        assertThatThrownBy(() -> run(args(none, Tier.PROFESSIONAL)))
                .hasMessageContaining("deploy.preProdEnvironment");
    }

    @Test
    void actionsAreTheSourceCodeBuildPerStageAndAManualApprovalNamingTheGroup() {
        List<Map<String, Object>> stages = stages(FULL);

        Map<String, Object> source = action(stages.get(0));
        assertThat(source).containsEntry("provider", "CodeCommit").containsEntry("category", "Source")
                .containsEntry("outputArtifacts", List.of("SourceOutput"));
        Map<String, Object> preprod = action(stages.get(1));
        assertThat(preprod).containsEntry("name", "DeployPreProd").containsEntry("category", "Build")
                .containsEntry("owner", "AWS").containsEntry("provider", "CodeBuild")
                .containsEntry("inputArtifacts", List.of("SourceOutput"))
                .containsEntry("configuration", Map.of("ProjectName",
                        DeployBuild.projectName(NAMING, PREPROD.stage())));
        Map<String, Object> approval = action(stages.get(2));
        assertThat(approval).containsEntry("category", "Approval").containsEntry("provider", "Manual");
        assertThat(approval.get("configuration")).isEqualTo(Map.of("CustomData",
                "Approve deploying the newest Approved version of model package group " + GROUP + " to prod"));
        assertThat(action(stages.get(3))).containsEntry("configuration", Map.of("ProjectName",
                DeployBuild.projectName(NAMING, PROD.stage())));
    }

    @Test
    void pipelineIsV2WithTheModelBucketAsKmsEncryptedArtifactStore() {
        Map<String, Object> pipeline = FULL.ofType(PIPELINE).get(0).inputValues();

        assertThat(pipeline).containsEntry("pipelineType", "V2");
        assertThat(pipeline.get("artifactStores")).isEqualTo(List.of(Map.of("type", "S3", "location", BUCKET,
                "encryptionKey", Map.of("type", "KMS", "id", CMK_ARN))));
    }

    @Test
    void projectsRunTheStandardImageWithTheKeyBuildspecAndSeedCodeVariables() {
        Map<String, Object> project = FULL.named(PROJECT, "deploy-preprod").inputValues();

        assertThat(project).containsEntry("encryptionKey", CMK_ARN);
        assertThat(project.get("source")).isEqualTo(Map.of("type", "CODEPIPELINE", "buildspec", "buildspec.yml"));
        Map<?, ?> environment = (Map<?, ?>) project.get("environment");
        assertThat(environment.get("image")).isEqualTo("aws/codebuild/standard:7.0");
        assertThat(environment.get("privilegedMode")).isEqualTo(false);
        Map<String, Object> vars = variables(project);
        assertThat(vars).containsEntry("STAGE", "preprod").containsEntry("PULUMI_STACK", "preprod")
                .containsEntry("MODEL_PACKAGE_GROUP_NAME", GROUP)
                .containsEntry("PULUMI_BACKEND_URL", FULL.outputs().get("backendUrl"))
                .containsEntry("PULUMI_SECRETS_PROVIDER", FULL.outputs().get("secretsProvider"))
                .containsEntry("PULUMI_VERSION", DeployBuild.PULUMI_VERSION)
                .containsEntry("DEPLOY_ROLE_ARN", DeployRoles.deployRoleArn("aws", NAMING, PREPROD))
                .containsEntry("EXTERNAL_ID", "ext-preprod")
                .containsEntry("TARGET_ACCOUNT_ID", PREPROD.accountId())
                .containsEntry("TARGET_REGION", PREPROD.region());
        // Prod configures no external ID: its build and smoke test still pass the default the trust requires.
        assertThat(variables(FULL.named(PROJECT, "deploy-prod").inputValues()))
                .containsEntry("STAGE", "prod").containsEntry("PULUMI_STACK", "prod")
                .containsEntry("DEPLOY_ROLE_ARN", DeployRoles.deployRoleArn("aws", NAMING, PROD))
                .containsEntry("EXTERNAL_ID", NAMING.productName() + "-prod")
                .containsEntry("SMOKE_TEST_EXTERNAL_ID", NAMING.productName() + "-prod");
        assertThat(project).doesNotContainKey("vpcConfig");
    }

    @Test
    void backendUrlsPointAtTheStateBucketAndSecretsKey() {
        assertThat(FULL.outputs().get("backendUrl"))
                .isEqualTo("s3://" + FULL.outputs().get("stateBucketName") + "?region=" + REGION + "&awssdk=v2");
        assertThat(FULL.outputs().get("secretsProvider"))
                .isEqualTo("awskms:///" + FULL.outputs().get("secretsKeyArn") + "?region=" + REGION);
        assertThat(String.valueOf(FULL.outputs().get("secretsKeyArn"))).startsWith("arn:aws:kms:" + REGION);
    }

    @Test
    void devEnvironmentPlacesTheBuildsInTheVpcAndLetsThemCreateInterfacesThereOnly() {
        DeployConfig deploy = DeployFixtures.deploy(Optional.of(PREPROD), Optional.empty(), true, true,
                Optional.of(DeployFixtures.VPC));
        Recording recording = run(args(deploy, Tier.PROFESSIONAL));

        assertThat(recording.named(PROJECT, "deploy-preprod").inputValues().get("vpcConfig")).isEqualTo(Map.of(
                "vpcId", "vpc-0abc", "subnets", List.of("subnet-0aaa", "subnet-0bbb"),
                "securityGroupIds", List.of("sg-0ccc")));
        Object policy = recording.named(ROLE_POLICY, "deploy-build-preprod-permissions").inputValues().get("policy");
        assertThat(statement(policy, "CreateNetworkInterfacesInSubnets").get("Resource")).isEqualTo(List.of(
                "arn:aws:ec2:" + REGION + ":111122223333:network-interface/*",
                "arn:aws:ec2:" + REGION + ":111122223333:subnet/subnet-0aaa",
                "arn:aws:ec2:" + REGION + ":111122223333:subnet/subnet-0bbb",
                "arn:aws:ec2:" + REGION + ":111122223333:security-group/sg-0ccc"));
        assertThat(statement(policy, "AuthorizeNetworkInterfaces"))
                .containsEntry("Action", List.of("ec2:CreateNetworkInterfacePermission"));
        assertThat(statement(policy, "AuthorizeNetworkInterfaces").get("Condition")).isEqualTo(Map.of(
                "StringEquals", Map.of("ec2:AuthorizedService", "codebuild.amazonaws.com"),
                "ArnEquals", Map.of("ec2:Subnet", List.of(
                        "arn:aws:ec2:" + REGION + ":111122223333:subnet/subnet-0aaa",
                        "arn:aws:ec2:" + REGION + ":111122223333:subnet/subnet-0bbb"))));
    }

    @Test
    void eachBuildRoleAssumesOnlyItsStagesDeployRoleWithoutCallerChosenExternalId() {
        for (var env : List.of(PREPROD, PROD)) {
            Object policy = FULL.named(ROLE_POLICY, "deploy-build-" + env.stage().id() + "-permissions")
                    .inputValues().get("policy");

            List<Map<String, Object>> assume = statements(policy).stream()
                    .filter(s -> ((List<?>) s.get("Action")).stream().anyMatch(a -> String.valueOf(a).startsWith("sts:")))
                    .toList();
            assertThat(assume).hasSize(1);
            assertThat(assume.get(0).get("Action")).isEqualTo(List.of("sts:AssumeRole"));
            assertThat(assume.get(0).get("Resource"))
                    .isEqualTo(List.of(DeployRoles.deployRoleArn("aws", NAMING, env)));
            assertThat(assume.get(0)).doesNotContainKey("Condition");
        }
    }

    @Test
    void buildRoleReadsTheRegistryAndUsesTheBackendAndNothingOfTraining() {
        Object policy = FULL.named(ROLE_POLICY, "deploy-build-prod-permissions").inputValues().get("policy");
        String stateBucketArn = "arn:aws:s3:::" + FULL.outputs().get("stateBucketName");
        String project = DeployBuild.projectName(NAMING, PROD.stage());

        assertThat(statement(policy, "DescribeModelPackages").get("Resource")).isEqualTo(List.of(GROUP_ARN,
                "arn:aws:sagemaker:" + REGION + ":111122223333:model-package/" + GROUP + "/*"));
        assertThat(statement(policy, "ListStateBucket").get("Resource")).isEqualTo(List.of(stateBucketArn));
        assertThat(statement(policy, "ReadWriteState")).containsEntry("Action",
                        List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
                .containsEntry("Resource", List.of(stateBucketArn + "/*"));
        // Pulumi's awskms:// provider encrypts a stack's data key once and decrypts it on every load: nothing else.
        assertThat(statement(policy, "UseSecretsKey")).containsEntry("Action", List.of("kms:Encrypt", "kms:Decrypt"))
                .containsEntry("Resource", List.of(FULL.outputs().get("secretsKeyArn")));
        // The deploy pipeline's artifact folder only: never the model artifacts or the stages' data capture.
        assertThat(statement(policy, "ReadPipelineArtifacts").get("Resource"))
                .isEqualTo(List.of(BUCKET_ARN + "/" + ARTIFACT_FOLDER + "/*"));
        assertThat(statement(policy, "WriteBuildLogs").get("Resource")).isEqualTo(List.of(
                "arn:aws:logs:" + REGION + ":111122223333:log-group:/aws/codebuild/" + project,
                "arn:aws:logs:" + REGION + ":111122223333:log-group:/aws/codebuild/" + project + ":*"));
        assertThat(statement(policy, "ReadProductParameters").get("Resource")).isEqualTo(List.of(
                "arn:aws:ssm:" + REGION + ":111122223333:parameter/ml/" + NAMING.productName() + "/*"));

        List<Map<String, Object>> all = statements(policy);
        assertThat(all).flatExtracting(s -> (List<?>) s.get("Action"))
                .allSatisfy(a -> assertThat(String.valueOf(a)).doesNotContain("*"))
                .noneMatch(a -> String.valueOf(a).startsWith("sagemaker:Create")
                        || String.valueOf(a).startsWith("codecommit:") || String.valueOf(a).equals("iam:PassRole"));
        assertThat(all).filteredOn(s -> ((List<?>) s.get("Resource")).contains("*"))
                .extracting(s -> s.get("Action")).containsExactly(List.of("sagemaker:ListModelPackages"));
    }

    @Test
    void buildRolesAreSeparatePerStageAndTrustedByTheirProjectOnly() {
        Map<String, Object> role = FULL.named(ROLE, "deploy-build-preprod-role").inputValues();
        Map<String, Object> trust = statements(role.get("assumeRolePolicy")).get(0);

        assertThat(trust.get("Principal")).isEqualTo(Map.of("Service", "codebuild.amazonaws.com"));
        assertThat(trust.get("Condition")).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", "111122223333"),
                "ArnLike", Map.of("aws:SourceArn", "arn:aws:codebuild:" + REGION + ":111122223333:project/"
                        + DeployBuild.projectName(NAMING, PREPROD.stage()))));
        assertThat(FULL.outputs().get("preprodCodeBuildRoleArn"))
                .isNotEqualTo(FULL.outputs().get("prodCodeBuildRoleArn"));
        assertThat(String.valueOf(FULL.outputs().get("prodCodeBuildRoleArn")))
                .endsWith(":role/" + NAMING.productName() + "-deploy-build-prod");
    }

    @Test
    void pipelineRoleRunsItsSourceItsOwnProjectsAndItsArtifacts() {
        Object policy = FULL.named(ROLE_POLICY, "deploy-pipeline-permissions").inputValues().get("policy");

        assertThat(statement(policy, "ReadSourceRepository").get("Resource")).isEqualTo(List.of(REPO_ARN));
        assertThat(statement(policy, "RunDeployBuilds")).containsEntry("Action",
                        List.of("codebuild:StartBuild", "codebuild:BatchGetBuilds"))
                .containsEntry("Resource", List.of(
                        "arn:aws:codebuild:" + REGION + ":111122223333:project/"
                                + DeployBuild.projectName(NAMING, PREPROD.stage()),
                        "arn:aws:codebuild:" + REGION + ":111122223333:project/"
                                + DeployBuild.projectName(NAMING, PROD.stage())));
        assertThat(statement(policy, "ReadWriteArtifacts").get("Resource"))
                .isEqualTo(List.of(BUCKET_ARN + "/" + ARTIFACT_FOLDER + "/*"));
        assertThat(statement(policy, "UseArtifactKey").get("Resource")).isEqualTo(List.of(CMK_ARN));
    }

    @Test
    void stateBucketIsEncryptedWithTheProductKeyVersionedPrivateAndTlsOnly() {
        Object bucket = FULL.outputs().get("stateBucketName");

        Map<String, Object> sse = FULL.named("aws:s3/bucketServerSideEncryptionConfigurationV2:"
                + "BucketServerSideEncryptionConfigurationV2", "deploy-backend-state-encryption").inputValues();
        assertThat(sse).containsEntry("bucket", bucket).containsEntry("rules", List.of(Map.of(
                "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", CMK_ARN),
                "bucketKeyEnabled", true)));
        assertThat(FULL.named("aws:s3/bucketVersioningV2:BucketVersioningV2", "deploy-backend-state-versioning")
                .inputValues()).containsEntry("bucket", bucket)
                .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
        assertThat(FULL.named("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "deploy-backend-state-public-access")
                .inputValues()).containsEntry("bucket", bucket).containsEntry("blockPublicAcls", true)
                .containsEntry("blockPublicPolicy", true).containsEntry("ignorePublicAcls", true)
                .containsEntry("restrictPublicBuckets", true);
        Map<String, Object> tls = statement(FULL.named("aws:s3/bucketPolicy:BucketPolicy", "deploy-backend-state-policy")
                .inputValues().get("policy"), "DenyInsecureTransport");
        assertThat(tls).containsEntry("Effect", "Deny")
                .containsEntry("Resource", List.of("arn:aws:s3:::" + bucket, "arn:aws:s3:::" + bucket + "/*"))
                .containsEntry("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
    }

    @Test
    void secretsKeyRotatesAndOnlyTheDeployBuildsMayUseIt() {
        Map<String, Object> key = FULL.named("aws:kms/key:Key", "deploy-backend-secrets-key").inputValues();
        Object policy = key.get("policy");

        assertThat(key).containsEntry("enableKeyRotation", true);
        Map<String, Object> admin = statement(policy, "AccountAdministersKey");
        assertThat(admin.get("Principal")).isEqualTo(Map.of("AWS", "arn:aws:iam::111122223333:root"));
        assertThat(DeployFixtures.asList(admin.get("Action")))
                .containsExactlyElementsOf(Statement.KEY_ADMINISTRATION)
                .doesNotContain("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey");
        Map<String, Object> use = statement(policy, "DeployBuildsUseKey");
        assertThat(use.get("Principal")).isEqualTo(Map.of("AWS", List.of(
                FULL.outputs().get("preprodCodeBuildRoleArn"), FULL.outputs().get("prodCodeBuildRoleArn"))));
        assertThat(use.get("Action")).isEqualTo(List.of("kms:Encrypt", "kms:Decrypt"));
        assertThat(statements(policy)).hasSize(2);
        assertThat(statements(FULL.named("aws:s3/bucketPolicy:BucketPolicy", "deploy-backend-state-policy").inputValues()
                .get("policy"))).extracting(s -> s.get("Sid")).containsExactly("DenyInsecureTransport");
        assertThat(FULL.named("aws:kms/alias:Alias", "deploy-backend-secrets-key-alias").inputValues().get("name"))
                .isEqualTo("alias/" + NAMING.productName() + "-pulumi-secrets");
    }

    @Test
    void operatorsUseTheSecretsKeyAsPulumiDoesAndTheStateBucketAndNothingMore() {
        List<String> operators = List.of("arn:aws:iam::111122223333:role/platform-operator",
                "arn:aws:iam::444455556666:role/release-manager");
        Recording recording = run(args(DeployFixtures.bothWithOperators(operators), Tier.PROFESSIONAL));

        Object keyPolicy = recording.named("aws:kms/key:Key", "deploy-backend-secrets-key").inputValues().get("policy");
        assertThat(statement(keyPolicy, "OperatorsUseKey")).isEqualTo(Map.of("Sid", "OperatorsUseKey",
                "Effect", "Allow", "Principal", Map.of("AWS", operators),
                "Action", List.of("kms:Encrypt", "kms:Decrypt"), "Resource", List.of("*")));
        String bucket = "arn:aws:s3:::" + recording.outputs().get("stateBucketName");
        Object bucketPolicy = recording.named("aws:s3/bucketPolicy:BucketPolicy", "deploy-backend-state-policy").inputValues()
                .get("policy");
        assertThat(statements(bucketPolicy)).extracting(s -> s.get("Sid"))
                .containsExactly("DenyInsecureTransport", "OperatorsListState", "OperatorsReadWriteState");
        assertThat(statement(bucketPolicy, "OperatorsListState")).containsEntry("Principal", Map.of("AWS", operators))
                .containsEntry("Action", List.of("s3:ListBucket")).containsEntry("Resource", List.of(bucket));
        assertThat(statement(bucketPolicy, "OperatorsReadWriteState"))
                .containsEntry("Principal", Map.of("AWS", operators))
                .containsEntry("Action", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"))
                .containsEntry("Resource", List.of(bucket + "/*"));
        assertThat(PolicyPack.standard().evaluate(recording.resources().stream()
                .map(RecordedResource::toPolicyResource).toList(), PolicyPackConfig.defaults()))
                .noneMatch(PolicyFinding::blocking);
    }

    @Test
    void professionalApprovalRuleMatchesApprovedVersionsOfTheGroupAndStartsThePipeline() {
        RecordedResource rule = FULL.ofType(RULE).get(0);

        assertThat(json(rule.inputValues().get("eventPattern"))).isEqualTo(json(
                "{\"source\":[\"aws.sagemaker\"],\"detail-type\":[\"SageMaker Model Package State Change\"],"
                        + "\"detail\":{\"ModelPackageGroupName\":[\"" + GROUP + "\"],"
                        + "\"ModelApprovalStatus\":[\"Approved\"]}}"));
        Map<String, Object> target = FULL.ofType(TARGET).get(0).inputValues();
        assertThat(target).containsEntry("arn", FULL.outputs().get("pipelineArn"))
                .containsEntry("rule", rule.inputValues().get("name"));
        assertThat(FULL.outputs()).containsEntry("eventRuleArn", rule.outputValues().get("arn"));
    }

    @Test
    void triggerRoleMayOnlyStartThisPipelineAndOnlyForThisRule() {
        Object policy = FULL.named(ROLE_POLICY, "deploy-trigger-permissions").inputValues().get("policy");

        assertThat(statements(policy)).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("Effect", "Allow")
                .containsEntry("Action", List.of("codepipeline:StartPipelineExecution"))
                .containsEntry("Resource", List.of(FULL.outputs().get("pipelineArn"))));
        Map<String, Object> trust = statements(FULL.named(ROLE, "deploy-trigger-role").inputValues()
                .get("assumeRolePolicy")).get(0);
        assertThat(trust.get("Principal")).isEqualTo(Map.of("Service", "events.amazonaws.com"));
        assertThat(trust.get("Condition")).isEqualTo(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", "111122223333"),
                "ArnLike", Map.of("aws:SourceArn", FULL.outputs().get("eventRuleArn"))));
    }

    @ParameterizedTest(name = "{0} trigger={1}")
    @CsvSource({"STARTER, true", "PROFESSIONAL, false", "ENTERPRISE, false"})
    void noApprovalRuleOnStarterOrWhenTheTriggerIsOff(Tier tier, boolean trigger) {
        DeployConfig deploy = DeployFixtures.deploy(Optional.of(PREPROD), Optional.of(PROD), true, trigger,
                Optional.empty());

        Recording recording = run(args(deploy, tier));

        assertThat(recording.ofType(RULE)).isEmpty();
        assertThat(recording.ofType(TARGET)).isEmpty();
        assertThat(recording.find(ROLE, "deploy-trigger-role")).isEmpty();
        assertThat(recording.outputs()).doesNotContainKey("eventRuleArn");
        assertThat(recording.ofType(PIPELINE)).hasSize(1);
    }

    @Test
    void enterpriseBoundaryIsSetOnEveryRole() {
        String boundary = "arn:aws:iam::111122223333:policy/ml-boundary";
        Recording recording = run(args(DeployFixtures.both(), Tier.ENTERPRISE, Optional.of(Output.of(boundary))));

        assertThat(recording.ofType(ROLE)).hasSize(5)
                .allSatisfy(r -> assertThat(r.inputValues()).containsEntry("permissionsBoundary", boundary));
    }

    @Test
    void previewWithUnknownOutputsRegistersTheSameResources() {
        Recording preview = TestStacks.preview("dev", TestStacks.cloud(), ctx -> {
            var store = new ModelStore("store", DeployFixtures.STORE, null);
            new DeployPipeline("deploy", args(DeployFixtures.both(), Tier.PROFESSIONAL).args(store.ref()), null);
            store.completeKeyPolicy();
        });

        assertThat(preview.errors()).isEmpty();
        assertThat(preview.resources()).extracting(RecordedResource::urn)
                .containsExactlyInAnyOrderElementsOf(FULL.resources().stream().map(RecordedResource::urn).toList());
    }

    @Test
    void everyChildIsParentedToTheComponent() {
        RecordedResource component = FULL.ofType(DeployPipeline.TYPE).get(0);

        assertThat(FULL.resources()).filteredOn(r -> r.custom() && !r.isProvider() && !TestStores.ofStore(r))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.parent()).as(r.name()).isPresent().get()
                        .isIn(TestStores.componentAndItsChildComponents(FULL, component.urn())));
    }

    @Test
    void policyPackFindsNothingBlocking() {
        List<PolicyFinding> findings = PolicyPack.standard().evaluate(
                FULL.resources().stream().map(RecordedResource::toPolicyResource).toList(),
                PolicyPackConfig.defaults());

        assertThat(findings).filteredOn(PolicyFinding::blocking).extracting(PolicyFinding::format).isEmpty();
        assertThat(findings).filteredOn(PolicyFinding::suppressed).extracting(PolicyFinding::policy)
                .containsOnly("codebuild-no-plaintext-credentials", "iam-service-trust-source-conditioned");
        assertThat(findings).filteredOn(f -> f.policy().equals("iam-service-trust-source-conditioned"))
                .extracting(PolicyFinding::name)
                .containsExactlyInAnyOrder("deploy-pipeline-role", "deploy-source-repository-role");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> stages(Recording recording) {
        return (List<Map<String, Object>>) recording.ofType(PIPELINE).get(0).inputValues().get("stages");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> action(Map<String, Object> stage) {
        List<Map<String, Object>> actions = (List<Map<String, Object>>) stage.get("actions");
        assertThat(actions).hasSize(1);
        return actions.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> project) {
        List<Map<String, Object>> vars = (List<Map<String, Object>>) ((Map<String, Object>) project.get("environment"))
                .get("environmentVariables");
        assertThat(vars).allSatisfy(v -> assertThat(v).containsEntry("type", "PLAINTEXT"));
        Map<String, Object> byName = new java.util.LinkedHashMap<>();
        vars.forEach(v -> byName.put(String.valueOf(v.get("name")), v.get("value")));
        return byName;
    }
}
