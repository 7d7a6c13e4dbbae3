package com.sagemakermlops.components.bootstrap;

import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.deploy.DeployRoles;
import com.sagemakermlops.components.hosting.ToolingFixture;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.config.VpcSettings;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CrossAccountBootstrapTest {
    private static final String ROLE = "aws:iam/role:Role";
    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String POLICY = "aws:iam/policy:Policy";
    private static final Naming NAMING = new Naming(
            new Product("globalbank", "prod", "c001", "fraud-detection"), TestStacks.REGION);
    private static final String BOOTSTRAP_ROLE = "arn:aws:iam::" + TestStacks.PREPROD_ACCOUNT + ":role/OrgBootstrap";
    private static final String MODEL_ARTIFACTS = "arn:aws:s3:::" + ToolingFixture.BUCKET + "/pipelines/"
            + NAMING.productName() + "-model-build/*";
    private static final String DEPLOY_BUILD_ROLE =
            "arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT + ":role/" + ToolingFixture.PRODUCT + "-deploy-preprod";
    private static final String BOUNDARY = "arn:aws:iam::" + TestStacks.PREPROD_ACCOUNT + ":policy/"
            + NAMING.productName() + "-preprod-boundary";
    private static final TargetEnvironment PREPROD = new TargetEnvironment(Stage.PREPROD,
            TestStacks.PREPROD_ACCOUNT, "eu-west-1",
            Optional.of(new VpcSettings("vpc-0a1b2c3d4e5f60718", ToolingFixture.PREPROD_SUBNETS,
                    ToolingFixture.PREPROD_SECURITY_GROUPS)),
            Optional.of(BOOTSTRAP_ROLE), Optional.of("c001-preprod-7d1e"));
    private static Recording recording;

    @BeforeAll
    static void bootstrapPreprod() {
        recording = run(PREPROD, true);
        assertThat(recording.errors()).isEmpty();
    }

    static Recording run(TargetEnvironment environment, boolean withBoundary) {
        return run(environment, withBoundary, List.of());
    }

    static Recording run(TargetEnvironment environment, boolean withBoundary, List<String> operators) {
        var product = new ProductContext(NAMING, Tags.of(NAMING.productName(), "starter", "dev", "fraud",
                Optional.empty(), Optional.empty()), TestStores.TOOLING, withBoundary ? Tier.ENTERPRISE : Tier.STARTER,
                Optional.empty());
        var store = TestStores.args(NAMING).keyArn(ToolingFixture.KMS_KEY_ARN)
                .existingBucketName(ToolingFixture.BUCKET).registryName(ToolingFixture.GROUP)
                .modelArtifactsPrefix("pipelines/" + NAMING.productName() + "-model-build").build();
        return TestStores.run("dev", TestStacks.cloud(), store, (ctx, ref) -> {
            var bootstrap = new CrossAccountBootstrap("bootstrap-" + environment.stage().id(),
                    new CrossAccountBootstrapArgs(environment, product, ref, Output.of(DEPLOY_BUILD_ROLE), operators),
                    null);
            ctx.export("deployRoleArn", bootstrap.deployRoleArn());
            ctx.export("executionRoleArn", bootstrap.executionRoleArn());
            ctx.export("externalId", bootstrap.externalId());
        });
    }

    @Test
    void theProviderAssumesTheBootstrapRoleInTheTargetAccountAndRegionOnly() {
        RecordedResource provider = recording.named("pulumi:providers:aws", "bootstrap-preprod-provider");
        assertThat(provider.parent()).contains(recording.named(CrossAccountBootstrap.TYPE, "bootstrap-preprod").urn());
        Map<String, Object> inputs = provider.inputValues();
        assertThat(inputs).containsEntry("region", "eu-west-1");
        assertThat(json(inputs.get("allowedAccountIds"))).isEqualTo(List.of(TestStacks.PREPROD_ACCOUNT));
        assertThat(json(inputs.get("assumeRole"))).isEqualTo(Map.of("roleArn", BOOTSTRAP_ROLE,
                "sessionName", "sagemaker-mlops-bootstrap-preprod", "externalId", "c001-preprod-7d1e"));
    }

    @Test
    void everyRoleAndPolicyIsCreatedThroughTheBootstrapProvider() {
        String provider = recording.named("pulumi:providers:aws", "bootstrap-preprod-provider").urn();
        List<RecordedResource> aws = recording.resources().stream().filter(r -> r.type().startsWith("aws:"))
                .filter(r -> !TestStores.ofStore(r)).toList();
        assertThat(aws).extracting(RecordedResource::type)
                .containsExactlyInAnyOrder(POLICY, ROLE, ROLE, ROLE_POLICY, ROLE_POLICY);
        assertThat(aws).allSatisfy(r -> assertThat(r.provider()).as(r.name()).contains(provider));
        assertThat(recording.outputs())
                .containsEntry("deployRoleArn", "arn:aws:iam::" + TestStacks.PREPROD_ACCOUNT + ":role/"
                        + DeployRoles.deployRoleName(NAMING, Stage.PREPROD))
                .containsEntry("executionRoleArn", "arn:aws:iam::" + TestStacks.PREPROD_ACCOUNT + ":role/"
                        + DeployRoles.executionRoleName(NAMING, Stage.PREPROD))
                .containsEntry("externalId", "c001-preprod-7d1e");
    }

    @Test
    void bothRolesAreBoundByTheStageBoundaryOfTheirOwnAccount() {
        RecordedResource boundary = recording.named(POLICY, "bootstrap-preprod-boundary");
        assertThat(boundary.inputValues()).containsEntry("name", NAMING.productName() + "-preprod-boundary");
        assertThat(boundary.outputValues()).containsEntry("arn", BOUNDARY);
        assertThat(recording.ofType(ROLE)).hasSize(2).allSatisfy(role -> {
            assertThat(role.inputValues()).containsEntry("permissionsBoundary", BOUNDARY);
            assertThat(role.dependencies()).contains(boundary.urn());
        });
    }

    @Test
    void theStageBoundaryAllowsExactlyWhatTheRolesMayDo() {
        List<Map<String, Object>> boundary = statements(boundaryPolicy(recording));
        List<Map<String, Object>> roles = new ArrayList<>(statements(policy("bootstrap-preprod-deploy-permissions")));
        roles.addAll(statements(policy("bootstrap-preprod-execution-permissions")));

        List<Map<String, Object>> allows = boundary.stream().filter(s -> "Allow".equals(s.get("Effect"))).toList();
        assertThat(actionsByScope(allows)).isEqualTo(actionsByScope(roles));
        assertThat(boundary).extracting(s -> s.get("Sid")).filteredOn(Objects::nonNull).doesNotHaveDuplicates();
        assertThat(allows).filteredOn(s -> "*".equals(s.get("Resource"))).singleElement()
                .satisfies(s -> assertThat(actions(s)).containsExactlyInAnyOrder(
                        "application-autoscaling:DescribeScalableTargets",
                        "application-autoscaling:DescribeScalingPolicies", "ecr:GetAuthorizationToken",
                        "sagemaker:ListEndpointConfigs", "sagemaker:ListModels",
                        "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions",
                        "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"));
    }

    @Test
    void theStageBoundaryDeniesUsersKeysAndSheddingOrChangingItself() {
        List<Map<String, Object>> boundary = statements(boundaryPolicy(recording));
        String roles = "arn:aws:iam::" + TestStacks.PREPROD_ACCOUNT + ":role/"
                + NAMING.physicalPrefix(PhysicalName.IAM_ROLE) + "*";

        assertThat(boundary).filteredOn(s -> "Deny".equals(s.get("Effect"))).extracting(s -> s.get("Sid"))
                .containsExactly("DenyIamUsersAndKeys", "DenyBoundaryRemoval", "DenyOtherBoundary",
                        "DenyBoundaryChange");
        assertThat(actions(statement(boundary, "DenyIamUsersAndKeys")))
                .contains("iam:CreateUser", "iam:CreateAccessKey");
        assertThat(statement(boundary, "DenyBoundaryRemoval"))
                .containsEntry("Action", "iam:DeleteRolePermissionsBoundary").containsEntry("Resource", roles);
        assertThat(statement(boundary, "DenyOtherBoundary"))
                .containsEntry("Action", List.of("iam:PutRolePermissionsBoundary", "iam:CreateRole"))
                .containsEntry("Resource", roles)
                .containsEntry("Condition", Map.of("StringNotEquals", Map.of("iam:PermissionsBoundary", BOUNDARY)));
        assertThat(statement(boundary, "DenyBoundaryChange")).containsEntry("Resource", BOUNDARY);
        assertThat(actions(statement(boundary, "DenyBoundaryChange")))
                .contains("iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:DeletePolicy");
    }

    @Test
    void theDeployRoleMayInvokeOnlyThisProductsEndpointsForTheSmokeTest() {
        List<Map<String, Object>> statements = statements(policy("bootstrap-preprod-deploy-permissions"));
        assertThat(statements).filteredOn(s -> actions(s).contains("sagemaker:InvokeEndpoint"))
                .singleElement()
                .satisfies(s -> assertThat(s).containsEntry("Action", "sagemaker:InvokeEndpoint")
                        .containsEntry("Resource", "arn:aws:sagemaker:eu-west-1:222233334444:endpoint/"
                                + ToolingFixture.PRODUCT + "*"));
        assertThat(statements(boundaryPolicy(recording))).filteredOn(s -> actions(s).contains("sagemaker:InvokeEndpoint"))
                .singleElement().satisfies(s -> assertThat(s).containsEntry("Resource",
                        "arn:aws:sagemaker:eu-west-1:222233334444:endpoint/" + ToolingFixture.PRODUCT + "*"));
    }

    @Test
    void onlyTheToolingDeployBuildMayAssumeTheDeployRoleAndOnlyWithTheExternalId() {
        List<Map<String, Object>> trust = statements(role("bootstrap-preprod-deploy-role").get("assumeRolePolicy"));
        assertThat(trust).containsExactly(Map.of("Sid", "TrustToolingDeployBuild", "Effect", "Allow",
                "Principal", Map.of("AWS", DEPLOY_BUILD_ROLE), "Action", "sts:AssumeRole",
                "Condition", Map.of("StringEquals", Map.of("sts:ExternalId", "c001-preprod-7d1e"))));
    }

    @Test
    void operatorsMayAssumeTheDeployRoleWithTheSameExternalIdOnly() {
        List<String> operators = List.of("arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT + ":role/platform-operator",
                "arn:aws:iam::444455556666:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_MlOps_0123456789abcdef");
        Recording withOperators = run(PREPROD, true, operators);

        List<Map<String, Object>> trust = statements(withOperators.named(ROLE, "bootstrap-preprod-deploy-role")
                .inputValues().get("assumeRolePolicy"));
        assertThat(trust).extracting(s -> s.get("Sid")).containsExactly("TrustToolingDeployBuild", "TrustOperators");
        assertThat(trust.get(1)).isEqualTo(Map.of("Sid", "TrustOperators", "Effect", "Allow",
                "Principal", Map.of("AWS", operators), "Action", "sts:AssumeRole",
                "Condition", Map.of("StringEquals", Map.of("sts:ExternalId", "c001-preprod-7d1e"))));
        assertThat(PolicyPack.standard().evaluate(withOperators.resources().stream()
                .map(RecordedResource::toPolicyResource).toList(), PolicyPackConfig.defaults()))
                .noneMatch(PolicyFinding::blocking);
    }

    @Test
    void theDeployRoleManagesOnlyThisProductsHostingAndPassesOnlyTheExecutionRole() {
        List<Map<String, Object>> statements = statements(policy("bootstrap-preprod-deploy-permissions"));
        String prefix = ToolingFixture.PRODUCT;
        assertThat(statement(statements, "ManageHosting").get("Resource")).isEqualTo(List.of(
                "arn:aws:sagemaker:eu-west-1:222233334444:model/" + prefix + "*",
                "arn:aws:sagemaker:eu-west-1:222233334444:endpoint-config/" + prefix + "*",
                "arn:aws:sagemaker:eu-west-1:222233334444:endpoint/" + prefix + "*"));
        assertThat(statement(statements, "PassExecutionRole")).containsEntry("Action", "iam:PassRole")
                .containsEntry("Resource", recording.outputs().get("executionRoleArn"))
                .containsEntry("Condition", Map.of("StringEquals",
                        Map.of("iam:PassedToService", "sagemaker.amazonaws.com")));
        assertThat(statement(statements, "ManageEndpointAlarms").get("Resource")).isEqualTo(List.of(
                "arn:aws:cloudwatch:eu-west-1:222233334444:alarm:" + prefix + "-*",
                "arn:aws:cloudwatch:eu-west-1:222233334444:alarm:TargetTracking-endpoint/" + prefix + "*"));
        assertThat(statement(statements, "CreateScalingServiceLinkedRole"))
                .containsEntry("Condition", Map.of("StringEquals",
                        Map.of("iam:AWSServiceName", "sagemaker.application-autoscaling.amazonaws.com")));
        assertThat(statement(statements, "UseApprovedPackages")).containsEntry("Resource",
                ToolingFixture.GROUP_ARN.replace("model-package-group/", "model-package/") + "/*");
        // The deploy build finds the versions a verified deploy left behind: SageMaker's List actions take only *.
        assertThat(statement(statements, "FindRetainedVersions")).containsEntry("Action",
                List.of("sagemaker:ListEndpointConfigs", "sagemaker:ListModels"));
        assertThat(statements).filteredOn(s -> "*".equals(s.get("Resource")))
                .extracting(s -> s.get("Sid")).containsExactly("FindRetainedVersions", "DescribeScaling");
        assertThat(statements).flatExtracting(CrossAccountBootstrapTest::actions)
                .noneMatch(action -> action.contains("*"));
    }

    @Test
    void theExecutionRoleIsForSageMakerAndReadsArtifactsWritesItsCapturePrefixAndUsesTheKey() {
        assertThat(statements(role("bootstrap-preprod-execution-role").get("assumeRolePolicy")))
                .containsExactly(Map.of("Sid", "TrustSageMaker", "Effect", "Allow",
                        "Principal", Map.of("Service", "sagemaker.amazonaws.com"), "Action", "sts:AssumeRole",
                        "Condition", Map.of("ArnLike", Map.of("aws:SourceArn",
                                "arn:aws:sagemaker:eu-west-1:" + TestStacks.PREPROD_ACCOUNT + ":*"))));
        List<Map<String, Object>> statements = statements(policy("bootstrap-preprod-execution-permissions"));
        String bucket = "arn:aws:s3:::" + ToolingFixture.BUCKET;
        assertThat(statement(statements, "WriteDataCapture")).containsEntry("Action", "s3:PutObject")
                .containsEntry("Resource", bucket + "/data-capture/preprod/*");
        // The model artifacts only: in single-account mode no bucket policy narrows what the role may read.
        assertThat(statement(statements, "ReadModelArtifacts")).containsEntry("Resource", MODEL_ARTIFACTS);
        assertThat(statement(statements, "UseToolingKey"))
                .containsEntry("Action", List.of("kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey"))
                .containsEntry("Resource", ToolingFixture.KMS_KEY_ARN);
        assertThat(statement(statements, "ReadApprovedPackages")).containsEntry("Action",
                "sagemaker:DescribeModelPackage");
        assertThat(statement(statements, "LogInToRegistries")).containsEntry("Resource", "*");
        String ec2 = "arn:aws:ec2:eu-west-1:" + TestStacks.PREPROD_ACCOUNT + ":";
        List<String> placement = new ArrayList<>(List.of(ec2 + "network-interface/*"));
        ToolingFixture.PREPROD_SUBNETS.forEach(id -> placement.add(ec2 + "subnet/" + id));
        ToolingFixture.PREPROD_SECURITY_GROUPS.forEach(id -> placement.add(ec2 + "security-group/" + id));
        assertThat(statement(statements, "CreateNetworkInterfacesInSubnets").get("Resource")).isEqualTo(placement);
        assertThat(statement(statements, "DeleteNetworkInterfaces").get("Resource"))
                .isEqualTo(ec2 + "network-interface/*");
        // SageMaker documents no ec2:AuthorizedService for its calls: the interface's subnet bounds them.
        assertThat(statement(statements, "AuthorizeNetworkInterfaces"))
                .containsEntry("Action", List.of("ec2:CreateNetworkInterfacePermission",
                        "ec2:DeleteNetworkInterfacePermission"))
                .containsEntry("Condition", Map.of("ArnEquals", Map.of("ec2:Subnet",
                        ToolingFixture.PREPROD_SUBNETS.stream().map(id -> ec2 + "subnet/" + id).toList())));
        assertThat(statements).filteredOn(s -> "*".equals(s.get("Resource")))
                .extracting(s -> s.get("Sid")).containsExactlyInAnyOrder("LogInToRegistries", "DescribeNetwork");
    }

    @Test
    void withoutAConfiguredExternalIdTheDefaultIsProductAndStage() {
        var prod = new TargetEnvironment(Stage.PROD, TestStacks.PROD_ACCOUNT, TestStacks.REGION, Optional.empty(),
                Optional.of("arn:aws:iam::" + TestStacks.PROD_ACCOUNT + ":role/OrgBootstrap"), Optional.empty());
        Recording noExternalId = run(prod, false);
        assertThat(noExternalId.outputs()).containsEntry("externalId", NAMING.productName() + "-prod");
        assertThat(json(noExternalId.named("pulumi:providers:aws", "bootstrap-prod-provider").inputValues()
                .get("assumeRole"))).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .doesNotContainKey("externalId");
        assertThat(noExternalId.ofType(POLICY)).isEmpty();
        assertThat(noExternalId.ofType(ROLE)).allSatisfy(role ->
                assertThat(role.inputValues()).doesNotContainKey("permissionsBoundary"));
        assertThat(noExternalId.ofType(ROLE_POLICY)).noneSatisfy(policy ->
                assertThat(policy.inputValues().get("policy").toString()).contains("ec2:"));
    }

    @Test
    void withoutABootstrapRoleTheRolesAreCreatedInTheToolingAccountItself() {
        var sameAccount = new TargetEnvironment(Stage.PREPROD, TestStacks.TOOLING_ACCOUNT, TestStacks.REGION,
                Optional.empty(), Optional.empty(), Optional.empty());

        Recording single = run(sameAccount, true);

        assertThat(single.errors()).isEmpty();
        assertThat(single.ofType("pulumi:providers:aws")).isEmpty();
        assertThat(single.ofType(POLICY)).singleElement().satisfies(boundary -> {
            assertThat(boundary.provider()).isEmpty();
            assertThat(boundary.outputValues().get("arn")).isEqualTo("arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT
                    + ":policy/" + NAMING.productName() + "-preprod-boundary");
        });
        assertThat(single.ofType(ROLE)).hasSize(2).allSatisfy(role -> {
            assertThat(role.provider()).isEmpty();
            assertThat(role.inputValues().get("permissionsBoundary"))
                    .isEqualTo(single.ofType(POLICY).get(0).outputValues().get("arn"));
        });
        assertThat(single.outputs().get("deployRoleArn").toString())
                .startsWith("arn:aws:iam::" + TestStacks.TOOLING_ACCOUNT + ":role/");
    }

    @Test
    void producesNoMandatoryPolicyFindingOnceScalingDescribesAreKnownAsStarOnly() {
        // Application Auto Scaling's Describe actions accept only Resource "*" (Service Authorization Reference).
        PolicyPackConfig config = PolicyPackConfig.parse(new Gson().toJson(Map.of("iam-no-wildcard-resources",
                Map.of("additionalStarOnlyActions", TargetRolePolicies.SCALING_DESCRIBE_ACTIONS))));
        List<PolicyFinding> findings = PolicyPack.standard().evaluate(
                recording.resources().stream().map(RecordedResource::toPolicyResource).toList(), config);
        assertThat(findings).filteredOn(PolicyFinding::blocking).isEmpty();
    }

    private static Map<String, Object> role(String name) {
        return recording.named(ROLE, name).inputValues();
    }

    /** Every action allowed, by the resources and conditions it is allowed on. */
    private static Map<List<Object>, Set<String>> actionsByScope(List<Map<String, Object>> statements) {
        Map<List<Object>, Set<String>> byScope = new HashMap<>();
        statements.forEach(s -> byScope.computeIfAbsent(Arrays.asList(s.get("Resource"), s.get("Condition")),
                scope -> new HashSet<>()).addAll(actions(s)));
        return byScope;
    }

    private static Object boundaryPolicy(Recording recording) {
        return recording.ofType(POLICY).stream().filter(p -> p.name().endsWith("-boundary")).findFirst()
                .orElseThrow().inputValues().get("policy");
    }

    private static Object policy(String name) {
        return recording.named(ROLE_POLICY, name).inputValues().get("policy");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object document) {
        Map<String, Object> parsed = new Gson().fromJson(String.valueOf(document), Map.class);
        return (List<Map<String, Object>>) parsed.get("Statement");
    }

    private static Map<String, Object> statement(List<Map<String, Object>> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.get("Sid"))).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid));
    }

    private static List<String> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of((String) action);
    }

    private static Object json(Object value) {
        return new Gson().fromJson(String.valueOf(value), Object.class);
    }
}
