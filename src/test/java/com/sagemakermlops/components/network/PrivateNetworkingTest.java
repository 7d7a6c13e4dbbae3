package com.sagemakermlops.components.network;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.sagemakermlops.components.security.EnterpriseFixtures;
import com.sagemakermlops.config.NetworkConfig;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.iam.Statement;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.iam.AwsScope;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.sagemakermlops.components.security.EnterpriseFixtures.NAMING;
import static com.sagemakermlops.components.security.EnterpriseFixtures.TAGS;
import static com.sagemakermlops.components.security.EnterpriseFixtures.json;
import static com.sagemakermlops.components.security.EnterpriseFixtures.only;
import static com.sagemakermlops.components.security.EnterpriseFixtures.statement;
import static com.sagemakermlops.components.security.EnterpriseFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivateNetworkingTest {
    private static final String VPC_PATH = "/network/vpc/id";
    private static final String SG_PATH = "/network/sg/endpoints-id";
    private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");
    private static final List<String> ROUTE_TABLES = List.of("rtb-0123456789abcdef0", "rtb-0fedcba9876543210");
    private static final String VPCE = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private static final String SG = "aws:ec2/securityGroup:SecurityGroup";
    private static final String TOOLING = TestStacks.TOOLING_ACCOUNT;
    private static final String PREPROD = TestStacks.PREPROD_ACCOUNT;
    private static final String FOREIGN = "999988887777";
    private static final String SECRETS_KEY = "arn:aws:kms:us-west-2:" + TOOLING + ":key/5ec2e75-0000";
    /** Every interface endpoint, by the last part of its service name. */
    private static final List<String> INTERFACE_SERVICES = List.of("sagemaker.api", "sagemaker.runtime", "sts", "kms",
            "logs", "ecr.api", "ecr.dkr", "application-autoscaling", "monitoring");
    private static Recording standalone;

    @BeforeAll
    static void planStandalone() {
        standalone = run(standalone(List.of("10.10.0.0/16", "10.20.0.0/16:443", "2001:db8::/32")));
    }

    private static Recording run(NetworkConfig network) {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> {
            var networking = new PrivateNetworking("network", new PrivateNetworkingArgs(new ProductContext(NAMING,
                    TAGS, new AwsScope("aws", TestStacks.REGION, TOOLING), Tier.ENTERPRISE, java.util.Optional.empty()),
                    List.of(PREPROD, TOOLING), network, java.util.Optional.of(Output.of(SECRETS_KEY))),
                    ComponentResourceOptions.Empty);
            ctx.export("vpcEndpointIds", networking.vpcEndpointIds());
            ctx.export("vpcEndpointIdsJoined", networking.vpcEndpointIdsJoined());
            ctx.export("securityGroupId", networking.securityGroupId());
        });
        assertThat(recording.errors()).isEmpty();
        return recording;
    }

    private static NetworkConfig standalone(List<String> cidrs) {
        return new NetworkConfig(NetworkConfig.Mode.STANDALONE, VPC_PATH, Optional.empty(), SUBNETS, ROUTE_TABLES,
                cidrs, NetworkConfig.InternetEgress.NAT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void standaloneGroupAdmitsOnlyHttpsFromTheAllowedCidrsAndLetsNothingOut() {
        Map<String, Object> group = only(standalone, SG).inputValues();
        assertThat(String.valueOf(group.get("vpcId"))).startsWith("vpc-");
        var ingress = (List<Map<String, Object>>) group.get("ingress");
        assertThat(ingress).extracting(r -> r.get("cidrBlocks"), r -> r.get("ipv6CidrBlocks"),
                        r -> ((Number) r.get("fromPort")).intValue(), r -> ((Number) r.get("toPort")).intValue(),
                        r -> r.get("protocol"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of("10.10.0.0/16"), List.of(), 443, 443, "tcp"),
                        org.assertj.core.groups.Tuple.tuple(List.of("10.20.0.0/16"), List.of(), 443, 443, "tcp"),
                        org.assertj.core.groups.Tuple.tuple(List.of(), List.of("2001:db8::/32"), 443, 443, "tcp"));
        assertThat(ingress).allSatisfy(rule -> assertThat(String.valueOf(rule.get("description")))
                .startsWith("HTTPS to the VPC endpoints from "));
        // The provider revokes the default allow-all egress of a group it creates; an endpoint only answers.
        assertThat(group).doesNotContainKey("egress").containsEntry("revokeRulesOnDelete", true);
        assertThat(String.valueOf(standalone.outputs().get("securityGroupId"))).startsWith("sg-");
    }

    @Test
    void withoutAllowedCidrsOnlyMembersOfTheGroupReachTheEndpoints() {
        Map<String, Object> group = only(run(standalone(List.of())), SG).inputValues();
        @SuppressWarnings("unchecked")
        var ingress = (List<Map<String, Object>>) group.get("ingress");
        assertThat(ingress).singleElement().satisfies(rule -> {
            assertThat(rule).containsEntry("self", true).containsEntry("cidrBlocks", List.of());
            assertThat(((Number) rule.get("fromPort")).intValue()).isEqualTo(443);
            assertThat(((Number) rule.get("toPort")).intValue()).isEqualTo(443);
        });
    }

    @Test
    void anotherPortThanHttpsIsNeverOpened() {
        assertThatThrownBy(() -> EndpointRules.ingress(List.of("10.0.0.0/16:8443")))
                .hasMessageContaining("HTTPS only");
    }

    @Test
    void anInterfaceEndpointWithPrivateDnsAndAPolicyForEachServiceAndTheS3GatewayOnTheRouteTables() {
        String groupId = String.valueOf(standalone.outputs().get("securityGroupId"));
        String vpcId = String.valueOf(only(standalone, SG).inputValues().get("vpcId"));
        assertThat(standalone.ofType(VPCE)).filteredOn(e -> "Interface".equals(e.inputValues().get("vpcEndpointType")))
                .extracting(e -> e.inputValues().get("serviceName"))
                .containsExactlyInAnyOrderElementsOf(INTERFACE_SERVICES.stream().map(s -> "com.amazonaws.us-west-2." + s)
                        .toList());
        for (String service : INTERFACE_SERVICES) {
            Map<String, Object> endpoint = interfaceEndpoint(standalone, service).inputValues();
            assertThat(endpoint).as(service).containsEntry("privateDnsEnabled", true)
                    .containsEntry("subnetIds", SUBNETS)
                    .containsEntry("securityGroupIds", List.of(groupId))
                    .containsEntry("vpcId", vpcId)
                    .containsKey("policy");
        }
        Map<String, Object> s3 = standalone.named(VPCE, "network-s3").inputValues();
        assertThat(s3).containsEntry("serviceName", "com.amazonaws.us-west-2.s3")
                .containsEntry("vpcEndpointType", "Gateway")
                .containsEntry("routeTableIds", ROUTE_TABLES)
                .doesNotContainKeys("subnetIds", "securityGroupIds", "privateDnsEnabled");

        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) standalone.outputs().get("vpcEndpointIds");
        assertThat(ids).hasSize(INTERFACE_SERVICES.size() + 1).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("vpce-"));
        assertThat(standalone.outputs().get("vpcEndpointIdsJoined")).isEqualTo(String.join(",", ids));
    }

    /**
     * The calls the product's components make through each endpoint pass its policy, and the same call by a
     * principal of another account, or on a resource outside the product's, does not.
     */
    @ParameterizedTest(name = "{0}: {1} {2} on {3} -> {4}")
    @CsvSource({
            // the training build's run_pipeline.py; the deploy build's latest_approved_package.py; its provider
            "sagemaker.api, 111122223333, sagemaker:StartPipelineExecution, arn:aws:sagemaker:us-west-2:111122223333:pipeline/p, true",
            "sagemaker.api, 111122223333, sagemaker:ListModelPackages, *, true",
            "sagemaker.api, 222233334444, sagemaker:CreateEndpoint, arn:aws:sagemaker:us-west-2:222233334444:endpoint/e, true",
            "sagemaker.api, 999988887777, sagemaker:CreateEndpoint, arn:aws:sagemaker:us-west-2:999988887777:endpoint/e, false",
            // the smoke test, as the stage's deploy role
            "sagemaker.runtime, 222233334444, sagemaker:InvokeEndpoint, arn:aws:sagemaker:us-west-2:222233334444:endpoint/e, true",
            "sagemaker.runtime, 222233334444, sagemaker:InvokeEndpoint, arn:aws:sagemaker:us-west-2:999988887777:endpoint/e, false",
            "sagemaker.runtime, 999988887777, sagemaker:InvokeEndpoint, arn:aws:sagemaker:us-west-2:999988887777:endpoint/e, false",
            // the hosting provider: AssumeRole of the stage deploy role, GetCallerIdentity as the assumed role
            "sts, 111122223333, sts:AssumeRole, arn:aws:iam::222233334444:role/fraud-preprod-deploy, true",
            "sts, 222233334444, sts:GetCallerIdentity, *, true",
            "sts, 111122223333, sts:AssumeRole, arn:aws:iam::999988887777:role/elsewhere, false",
            "sts, 999988887777, sts:GetCallerIdentity, *, false",
            // the awskms:// secrets provider
            "kms, 111122223333, kms:Encrypt, arn:aws:kms:us-west-2:111122223333:key/5ec2e75-0000, true",
            "kms, 111122223333, kms:Decrypt, arn:aws:kms:us-west-2:111122223333:key/5ec2e75-0000, true",
            "kms, 111122223333, kms:Decrypt, arn:aws:kms:us-west-2:111122223333:key/other, false",
            "kms, 111122223333, kms:GenerateDataKey, arn:aws:kms:us-west-2:111122223333:key/5ec2e75-0000, false",
            "kms, 222233334444, kms:Decrypt, arn:aws:kms:us-west-2:111122223333:key/5ec2e75-0000, false",
            // the builds' logs
            "logs, 111122223333, logs:PutLogEvents, arn:aws:logs:us-west-2:111122223333:log-group:/aws/codebuild/b:log-stream:s, true",
            "logs, 999988887777, logs:PutLogEvents, arn:aws:logs:us-west-2:999988887777:log-group:g:log-stream:s, false",
            // image pulls from AWS-owned registries
            "ecr.api, 111122223333, ecr:GetAuthorizationToken, *, true",
            "ecr.dkr, 111122223333, ecr:BatchGetImage, arn:aws:ecr:us-west-2:246618743249:repository/sagemaker-xgboost, true",
            "ecr.dkr, 111122223333, ecr:PutImage, arn:aws:ecr:us-west-2:111122223333:repository/r, false",
            // the hosting provider's scaling and alarms, as the stage deploy role
            "application-autoscaling, 222233334444, application-autoscaling:RegisterScalableTarget, arn:aws:application-autoscaling:us-west-2:222233334444:scalable-target/x, true",
            "application-autoscaling, 999988887777, application-autoscaling:RegisterScalableTarget, arn:aws:application-autoscaling:us-west-2:999988887777:scalable-target/x, false",
            "monitoring, 222233334444, cloudwatch:PutMetricAlarm, arn:aws:cloudwatch:us-west-2:222233334444:alarm:a, true",
            "monitoring, 999988887777, cloudwatch:PutMetricAlarm, arn:aws:cloudwatch:us-west-2:999988887777:alarm:a, false"})
    void eachEndpointPolicyAllowsThePlatformsCallsAndNoOneElses(String service, String account, String action,
                                                               String resource, boolean allowed) {
        JsonObject policy = json(interfaceEndpoint(standalone, service).inputValues().get("policy"));
        assertThat(allows(policy, account, action, resource)).isEqualTo(allowed);
    }

    @Test
    void theS3GatewayPassesTheProductsBucketsSageMakersAndEcrLayersOnly() {
        Object s3 = standalone.named(VPCE, "network-s3").inputValues().get("policy");
        String products = "arn:aws:s3:::" + NAMING.physicalPrefix(com.sagemakermlops.naming.PhysicalName.S3_BUCKET) + "*";
        assertThat(strings(statement(s3, "ProductBuckets"), "Resource")).containsExactly(products, products + "/*");
        assertThat(strings(statement(s3, "SageMakerBuckets"), "Resource"))
                .containsExactly("arn:aws:s3:::sagemaker-*", "arn:aws:s3:::sagemaker-*/*");
        assertThat(strings(statement(s3, "EcrImageLayers"), "Resource"))
                .containsExactly("arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*");
        assertThat(strings(statement(s3, "EcrImageLayers"), "Action")).containsExactly("s3:GetObject");
    }

    @Test
    void thePolicyCheckSeesAPlantedMistake() {
        JsonObject runtime = json(interfaceEndpoint(standalone, "sagemaker.runtime").inputValues().get("policy"));
        String invoke = "arn:aws:sagemaker:us-west-2:" + PREPROD + ":endpoint/e";
        assertThat(allows(runtime, PREPROD, "sagemaker:InvokeEndpoint", invoke)).isTrue();
        // the policy as it was: this account's principals only, which refuses the smoke test's stage role
        runtime.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").addProperty("aws:PrincipalAccount", TOOLING);
        assertThat(allows(runtime, PREPROD, "sagemaker:InvokeEndpoint", invoke)).isFalse();
    }

    @Test
    void sgProvisionerModeReadsTheGroupFromSsmAndCreatesNone() {
        Recording recording = run(new NetworkConfig(NetworkConfig.Mode.SG_PROVISIONER, VPC_PATH, Optional.of(SG_PATH),
                SUBNETS, ROUTE_TABLES, List.of(), NetworkConfig.InternetEgress.NAT));
        assertThat(recording.ofType(SG)).isEmpty();
        String groupId = String.valueOf(recording.outputs().get("securityGroupId"));
        assertThat(groupId).startsWith("sg-");
        assertThat(recording.ofType(VPCE)).hasSize(INTERFACE_SERVICES.size() + 1);
        assertThat(interfaceEndpoint(recording, "sts").inputValues()).containsEntry("securityGroupIds", List.of(groupId));
    }

    @Test
    void childrenAreParentedAndThePolicyPackFindsNothingBlocking() {
        String component = only(standalone, PrivateNetworking.TYPE).urn();
        for (RecordedResource r : standalone.resources()) {
            if (r.type().startsWith("aws:")) {
                assertThat(r.parent()).as(r.name()).contains(component);
            }
        }
        assertThat(EnterpriseFixtures.blockingFindings(standalone)).isEmpty();
    }

    private static RecordedResource interfaceEndpoint(Recording recording, String service) {
        return recording.named(VPCE, "network-" + service.replace('.', '-'));
    }

    /**
     * Whether an Allow statement of an endpoint policy admits the call: its Action and Resource match (IAM wildcards)
     * and its conditions hold. The policies here use {@code StringEquals aws:PrincipalAccount} and nothing else; any
     * other condition counts as not met, so the check can only err towards refusing.
     */
    private static boolean allows(JsonObject policy, String account, String action, String resource) {
        for (JsonElement element : policy.getAsJsonArray("Statement")) {
            JsonObject statement = element.getAsJsonObject();
            if ("Allow".equals(statement.get("Effect").getAsString())
                    && values(statement.get("Action")).stream().anyMatch(a -> Statement.matches(a, action))
                    && values(statement.get("Resource")).stream().anyMatch(r -> Statement.matches(r, resource))
                    && conditionsHold(statement.getAsJsonObject("Condition"), account)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionsHold(JsonObject condition, String account) {
        if (condition == null) {
            return true;
        }
        for (String operator : condition.keySet()) {
            JsonObject keys = condition.getAsJsonObject(operator);
            if (!operator.equals("StringEquals") || !keys.keySet().equals(java.util.Set.of("aws:PrincipalAccount"))
                    || !values(keys.get("aws:PrincipalAccount")).contains(account)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> values(JsonElement element) {
        List<String> values = new ArrayList<>();
        if (element instanceof JsonArray array) {
            array.forEach(v -> values.add(v.getAsString()));
        } else if (element != null) {
            values.add(element.getAsString());
        }
        return values;
    }
}
