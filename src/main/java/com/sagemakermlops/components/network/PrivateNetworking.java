package com.sagemakermlops.components.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.aws.ssm.outputs.GetParameterResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOutputOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.config.NetworkConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enterprise private networking: interface endpoints for the SageMaker API, SageMaker Runtime and STS and a gateway
 * endpoint for S3 in the VPC named in SSM, so SageMaker runs in VPC-only mode. The interface endpoints' security
 * group is created here in {@code standalone} mode (HTTPS from the allowed CIDRs only) or read from SSM in
 * {@code sg-provisioner} mode.
 */
public final class PrivateNetworking extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:network:PrivateNetworking";
    /** The interface endpoints, by the last part of their service name. */
    public static final List<String> INTERFACE_SERVICES = List.of("sagemaker.api", "sagemaker.runtime", "sts");

    private final Output<List<String>> vpcEndpointIds;
    private final Output<String> vpcEndpointIdsJoined;
    private final Output<String> securityGroupId;

    public PrivateNetworking(String name, PrivateNetworkingArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        NetworkConfig network = args.network();
        Output<String> vpcId = parameter(network.vpcParameterStorePath());
        Output<String> accountId = Output.of(args.accountId());
        Map<String, String> tags = args.tags().asMap();

        this.securityGroupId = switch (network.mode()) {
            case STANDALONE -> securityGroup(name, vpcId, network.allowedIngressCidrs(), args).id();
            case SG_PROVISIONER -> parameter(network.sgParameterStorePath().orElseThrow(() ->
                    new IllegalArgumentException("sg-provisioner mode reads the security group from sgParameterStorePath")));
        };

        List<Output<String>> ids = new ArrayList<>();
        for (String service : INTERFACE_SERVICES) {
            Optional<List<Statement>> policy = switch (service) {
                case "sagemaker.runtime" -> Optional.of(EndpointPolicies.sagemakerRuntime(args.partition(), args.region(), accountId));
                case "sts" -> Optional.of(EndpointPolicies.sts(accountId));
                default -> Optional.empty();
            };
            ids.add(new VpcEndpoint(name + "-" + service.replace('.', '-'), VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName(serviceName(args.region(), service))
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(network.subnetIds())
                    .securityGroupIds(securityGroupId.applyValue(List::of))
                    .policy(policy.map(PolicyDocument::of).orElse(null))
                    .tags(tags)
                    .build(), CustomResourceOptions.builder().parent(this).build()).id());
        }
        ids.add(new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName(serviceName(args.region(), "s3"))
                .vpcEndpointType("Gateway")
                .routeTableIds(args.routeTableIds())
                .policy(PolicyDocument.of(EndpointPolicies.s3(args.naming(), args.partition(), args.region())))
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).build()).id());

        this.vpcEndpointIds = Output.all(ids);
        this.vpcEndpointIdsJoined = vpcEndpointIds.applyValue(list -> String.join(",", list));
        registerOutputs(Map.of("vpcEndpointIds", vpcEndpointIds, "vpcEndpointIdsJoined", vpcEndpointIdsJoined,
                "securityGroupId", securityGroupId));
    }

    /** {@code com.amazonaws.<region>.<service>}. */
    public static String serviceName(String region, String service) {
        return "com.amazonaws." + region + "." + service;
    }

    private Output<String> parameter(String path) {
        return SsmFunctions.getParameter(GetParameterArgs.builder().name(path).build(),
                InvokeOutputOptions.builder().parent(this).build()).applyValue(GetParameterResult::value);
    }

    private SecurityGroup securityGroup(String name, Output<String> vpcId, List<String> allowed,
                                        PrivateNetworkingArgs args) {
        return new SecurityGroup(name + "-endpoints", SecurityGroupArgs.builder()
                .vpcId(vpcId)
                .description("VPC endpoints of " + args.naming().productName() + ": HTTPS from the allowed CIDRs only")
                .ingress(tcp(EndpointRules.ingress(allowed), (description, protocol, from, to, ipv4, ipv6, self) ->
                        SecurityGroupIngressArgs.builder().description(description).protocol(protocol).fromPort(from)
                                .toPort(to).cidrBlocks(ipv4).ipv6CidrBlocks(ipv6).self(self).build()))
                .egress(tcp(EndpointRules.egress(allowed), (description, protocol, from, to, ipv4, ipv6, self) ->
                        SecurityGroupEgressArgs.builder().description(description).protocol(protocol).fromPort(from)
                                .toPort(to).cidrBlocks(ipv4).ipv6CidrBlocks(ipv6).self(self).build()))
                .revokeRulesOnDelete(true)
                .tags(args.tags().with("Name", args.naming().productName() + "-endpoints").asMap())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    public Output<List<String>> vpcEndpointIds() {
        return vpcEndpointIds;
    }

    /** The endpoint ids joined by commas, as published in SSM. */
    public Output<String> vpcEndpointIdsJoined() {
        return vpcEndpointIdsJoined;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** Ingress and egress rule arguments: the same fields on two provider types with no common supertype. */
    @FunctionalInterface
    private interface RuleArgs<A> {
        A build(String description, String protocol, int fromPort, int toPort, List<String> ipv4, List<String> ipv6,
                boolean self);
    }

    private static <A> List<A> tcp(List<EndpointRules.Rule> rules, RuleArgs<A> args) {
        return rules.stream().map(rule -> args.build(rule.description(), "tcp", rule.fromPort(), rule.toPort(),
                rule.ipv4(), rule.ipv6(), rule.self())).toList();
    }
}
