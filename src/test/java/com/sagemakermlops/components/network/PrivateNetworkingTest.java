package com.sagemakermlops.components.network;

import com.pulumi.resources.ComponentResourceOptions;
import com.sagemakermlops.components.security.EnterpriseFixtures;
import com.sagemakermlops.config.NetworkConfig;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.sagemakermlops.components.security.EnterpriseFixtures.NAMING;
import static com.sagemakermlops.components.security.EnterpriseFixtures.TAGS;
import static com.sagemakermlops.components.security.EnterpriseFixtures.only;
import static com.sagemakermlops.components.security.EnterpriseFixtures.statement;
import static com.sagemakermlops.components.security.EnterpriseFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

class PrivateNetworkingTest {
    private static final String VPC_PATH = "/network/vpc/id";
    private static final String SG_PATH = "/network/sg/endpoints-id";
    private static final List<String> SUBNETS = List.of("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");
    private static final String VPCE = "aws:ec2/vpcEndpoint:VpcEndpoint";
    private static final String SG = "aws:ec2/securityGroup:SecurityGroup";

    private static Recording run(NetworkConfig network, List<String> routeTables) {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> {
            var networking = new PrivateNetworking("network", PrivateNetworkingArgs.of(NAMING, "aws",
                    TestStacks.REGION, TestStacks.TOOLING_ACCOUNT, network, TAGS).withRouteTables(routeTables), ComponentResourceOptions.Empty);
            ctx.export("vpcEndpointIds", networking.vpcEndpointIds());
            ctx.export("vpcEndpointIdsJoined", networking.vpcEndpointIdsJoined());
            ctx.export("securityGroupId", networking.securityGroupId());
        });
        assertThat(recording.errors()).isEmpty();
        return recording;
    }

    private static NetworkConfig standalone(List<String> cidrs) {
        return new NetworkConfig(NetworkConfig.Mode.STANDALONE, VPC_PATH, Optional.empty(), SUBNETS, cidrs);
    }

    @Test
    @SuppressWarnings("unchecked")
    void standaloneGroupAdmitsOnlyHttpsFromTheAllowedCidrsWithADescriptionOnEveryRule() {
        Recording recording = run(standalone(List.of("10.10.0.0/16", "10.20.0.0/16:8443", "2001:db8::/32")), List.of());
        Map<String, Object> group = only(recording, SG).inputValues();
        assertThat(String.valueOf(group.get("vpcId"))).startsWith("vpc-");
        @SuppressWarnings("unchecked")
        var ingress = (List<Map<String, Object>>) group.get("ingress");
        assertThat(ingress).extracting(r -> r.get("cidrBlocks"), r -> r.get("ipv6CidrBlocks"),
                        r -> ((Number) r.get("fromPort")).intValue(), r -> ((Number) r.get("toPort")).intValue(),
                        r -> r.get("protocol"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(List.of("10.10.0.0/16"), List.of(), 443, 443, "tcp"),
                        org.assertj.core.groups.Tuple.tuple(List.of("10.20.0.0/16"), List.of(), 8443, 8443, "tcp"),
                        org.assertj.core.groups.Tuple.tuple(List.of(), List.of("2001:db8::/32"), 443, 443, "tcp"));
        @SuppressWarnings("unchecked")
        var egress = (List<Map<String, Object>>) group.get("egress");
        assertThat(egress).singleElement().satisfies(rule -> {
            assertThat(rule).containsEntry("protocol", "tcp")
                    .containsEntry("cidrBlocks", List.of("10.10.0.0/16", "10.20.0.0/16"))
                    .containsEntry("ipv6CidrBlocks", List.of("2001:db8::/32"));
            assertThat(((Number) rule.get("fromPort")).intValue()).isEqualTo(443);
        });
        for (Map<String, Object> rule : concat(ingress, egress)) {
            assertThat(String.valueOf(rule.get("description"))).isNotBlank();
            assertThat((List<Object>) rule.get("cidrBlocks")).doesNotContain("0.0.0.0/0");
            assertThat((List<Object>) rule.get("ipv6CidrBlocks")).doesNotContain("::/0");
            assertThat(((Number) rule.get("fromPort")).intValue()).isNotIn(22, 3389);
        }
        assertThat(String.valueOf(recording.outputs().get("securityGroupId"))).startsWith("sg-");
    }

    @Test
    void withoutAllowedCidrsOnlyMembersOfTheGroupReachTheEndpoints() {
        Map<String, Object> group = only(run(standalone(List.of()), List.of()), SG).inputValues();
        @SuppressWarnings("unchecked")
        var ingress = (List<Map<String, Object>>) group.get("ingress");
        assertThat(ingress).singleElement().satisfies(rule -> {
            assertThat(rule).containsEntry("self", true).containsEntry("cidrBlocks", List.of());
            assertThat(((Number) rule.get("toPort")).intValue()).isEqualTo(443);
        });
    }

    @Test
    void createsTheThreeInterfaceEndpointsInTheSubnetsWithTheGroupAndAnS3Gateway() {
        Recording recording = run(standalone(List.of("10.10.0.0/16")), List.of("rtb-0123456789abcdef0"));
        String groupId = String.valueOf(recording.outputs().get("securityGroupId"));
        String vpcId = String.valueOf(only(recording, SG).inputValues().get("vpcId"));
        for (String service : List.of("sagemaker.api", "sagemaker.runtime", "sts")) {
            Map<String, Object> endpoint = recording.named(VPCE, "network-" + service.replace('.', '-')).inputValues();
            assertThat(endpoint).containsEntry("serviceName", "com.amazonaws.us-west-2." + service)
                    .containsEntry("vpcEndpointType", "Interface")
                    .containsEntry("privateDnsEnabled", true)
                    .containsEntry("subnetIds", SUBNETS)
                    .containsEntry("securityGroupIds", List.of(groupId))
                    .containsEntry("vpcId", vpcId);
        }
        Map<String, Object> s3 = recording.named(VPCE, "network-s3").inputValues();
        assertThat(s3).containsEntry("serviceName", "com.amazonaws.us-west-2.s3")
                .containsEntry("vpcEndpointType", "Gateway")
                .containsEntry("routeTableIds", List.of("rtb-0123456789abcdef0"))
                .doesNotContainKeys("subnetIds", "securityGroupIds");

        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) recording.outputs().get("vpcEndpointIds");
        assertThat(ids).hasSize(4).doesNotHaveDuplicates().allMatch(id -> id.startsWith("vpce-"));
        assertThat(recording.outputs().get("vpcEndpointIdsJoined")).isEqualTo(String.join(",", ids));
    }

    @Test
    void endpointPoliciesLimitWhatPassesThrough() {
        Recording recording = run(standalone(List.of("10.10.0.0/16")), List.of());
        Object s3 = recording.named(VPCE, "network-s3").inputValues().get("policy");
        String products = "arn:aws:s3:::" + NAMING.physicalPrefix(com.sagemakermlops.naming.PhysicalName.S3_BUCKET) + "*";
        assertThat(strings(statement(s3, "ProductBuckets"), "Resource")).containsExactly(products, products + "/*");
        assertThat(strings(statement(s3, "SageMakerBuckets"), "Resource"))
                .containsExactly("arn:aws:s3:::sagemaker-*", "arn:aws:s3:::sagemaker-*/*");
        assertThat(strings(statement(s3, "EcrImageLayers"), "Resource"))
                .containsExactly("arn:aws:s3:::prod-us-west-2-starport-layer-bucket/*");
        assertThat(strings(statement(s3, "EcrImageLayers"), "Action")).containsExactly("s3:GetObject");

        var runtime = statement(recording.named(VPCE, "network-sagemaker-runtime").inputValues().get("policy"),
                "InvokeEndpointsFromThisAccount");
        assertThat(strings(runtime, "Action")).containsExactly("sagemaker:InvokeEndpoint",
                "sagemaker:InvokeEndpointAsync", "sagemaker:InvokeEndpointWithResponseStream");
        assertThat(strings(runtime, "Resource")).containsExactly("arn:aws:sagemaker:us-west-2:*:endpoint/*");
        assertThat(runtime.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:PrincipalAccount")
                .getAsString()).isEqualTo(TestStacks.TOOLING_ACCOUNT);
        var sts = statement(recording.named(VPCE, "network-sts").inputValues().get("policy"), "AssumeRolesFromThisAccount");
        assertThat(strings(sts, "Action")).containsExactly("sts:AssumeRole", "sts:TagSession",
                "sts:SetSourceIdentity", "sts:GetCallerIdentity");
        assertThat(sts.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:PrincipalAccount")
                .getAsString()).isEqualTo(TestStacks.TOOLING_ACCOUNT);
        assertThat(recording.named(VPCE, "network-sagemaker-api").inputValues()).doesNotContainKey("policy");
    }

    @Test
    void sgProvisionerModeReadsTheGroupFromSsmAndCreatesNone() {
        Recording recording = run(new NetworkConfig(NetworkConfig.Mode.SG_PROVISIONER, VPC_PATH, Optional.of(SG_PATH),
                SUBNETS, List.of()), List.of());
        assertThat(recording.ofType(SG)).isEmpty();
        String groupId = String.valueOf(recording.outputs().get("securityGroupId"));
        assertThat(groupId).startsWith("sg-");
        assertThat(recording.ofType(VPCE)).hasSize(4);
        assertThat(recording.named(VPCE, "network-sts").inputValues())
                .containsEntry("securityGroupIds", List.of(groupId));
    }

    @Test
    void childrenAreParentedAndThePolicyPackFindsNothingBlocking() {
        Recording recording = run(standalone(List.of("10.10.0.0/16")), List.of());
        String component = only(recording, PrivateNetworking.TYPE).urn();
        for (RecordedResource r : recording.resources()) {
            if (r.type().startsWith("aws:")) {
                assertThat(r.parent()).as(r.name()).contains(component);
            }
        }
        assertThat(EnterpriseFixtures.blockingFindings(recording)).isEmpty();
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
