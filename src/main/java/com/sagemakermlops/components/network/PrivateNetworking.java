package com.sagemakermlops.components.network;

import com.sagemakermlops.components.ProductParameter;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
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
import com.sagemakermlops.config.NetworkConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enterprise private networking in the VPC named in SSM, where the builds and jobs run: an interface endpoint with
 * private DNS for each service they call ({@link InterfaceEndpoint}), each with its endpoint policy, and the S3
 * gateway endpoint on the configured route tables. The interface endpoints' security group is created here in
 * {@code standalone} mode (HTTPS from the allowed CIDRs only) or read from SSM in {@code sg-provisioner} mode.
 */
public final class PrivateNetworking extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:network:PrivateNetworking";

    private final Output<List<String>> vpcEndpointIds;
    private final Output<String> vpcEndpointIdsJoined;
    private final Output<String> securityGroupId;

    public PrivateNetworking(String name, PrivateNetworkingArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        NetworkConfig network = args.network();
        Output<String> vpcId = parameter(network.vpcParameterStorePath());
        Map<String, String> tags = args.product().tags().asMap();

        this.securityGroupId = switch (network.mode()) {
            case STANDALONE -> securityGroup(name, vpcId, network.allowedIngressCidrs(), args).id();
            case SG_PROVISIONER -> parameter(network.sgParameterStorePath().orElseThrow(() ->
                    new IllegalArgumentException("sg-provisioner mode reads the security group from sgParameterStorePath")));
        };

        List<Output<String>> ids = interfaceEndpoints(name, args, vpcId, tags);
        ids.add(new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpcId)
                .serviceName(serviceName(args.product().scope().region(), "s3"))
                .vpcEndpointType("Gateway")
                .routeTableIds(network.routeTableIds())
                .policy(PolicyDocument.of(EndpointPolicies.s3(args.product().naming(),
                        args.product().scope().partition(), args.product().scope().region())))
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).build()).id());

        this.vpcEndpointIds = Output.all(ids);
        this.vpcEndpointIdsJoined = vpcEndpointIds.applyValue(list -> String.join(",", list));
        var child = CustomResourceOptions.builder().parent(this).build();
        ProductParameter.create(name, "VpcEndpointIds", vpcEndpointIdsJoined, args.product(),
                ProductParameter.describedAs("VpcEndpointIds", args.product()), child);
        ProductParameter.create(name, "SecurityGroupId", securityGroupId, args.product(),
                ProductParameter.describedAs("SecurityGroupId", args.product()), child);
        registerOutputs(Map.of("vpcEndpointIds", vpcEndpointIds, "vpcEndpointIdsJoined", vpcEndpointIdsJoined,
                "securityGroupId", securityGroupId));
    }

    /** The interface endpoints, each with its policy; the ids in order. */
    private List<Output<String>> interfaceEndpoints(String name, PrivateNetworkingArgs args, Output<String> vpcId,
                                                    Map<String, String> tags) {
        NetworkConfig network = args.network();
        EndpointPolicies.Scope scope = EndpointPolicies.Scope.of(args);
        List<Output<String>> ids = new ArrayList<>();
        for (InterfaceEndpoint endpoint : InterfaceEndpoint.values()) {
            if (endpoint == InterfaceEndpoint.KMS && args.secretsKeyArn().isEmpty()) {
                continue; // nothing in the VPC calls KMS for a key of its own without the secrets key
            }
            ids.add(new VpcEndpoint(name + "-" + endpoint.service().replace('.', '-'), VpcEndpointArgs.builder()
                    .vpcId(vpcId)
                    .serviceName(serviceName(args.product().scope().region(), endpoint.service()))
                    .vpcEndpointType("Interface")
                    .privateDnsEnabled(true)
                    .subnetIds(network.subnetIds())
                    .securityGroupIds(securityGroupId.applyValue(List::of))
                    .policy(PolicyDocument.of(endpoint.policy(scope)))
                    .tags(tags)
                    .build(), CustomResourceOptions.builder().parent(this).build()).id());
        }
        return ids;
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
                .description("VPC endpoints of " + args.product().naming().productName() + ": HTTPS from the allowed CIDRs only")
                .ingress(EndpointRules.ingress(allowed).stream().map(rule -> SecurityGroupIngressArgs.builder()
                        .description(rule.description()).protocol("tcp").fromPort(rule.fromPort())
                        .toPort(rule.toPort()).cidrBlocks(rule.ipv4()).ipv6CidrBlocks(rule.ipv6()).self(rule.self())
                        .build()).toList())
                .revokeRulesOnDelete(true)
                .tags(args.product().tags().with("Name", args.product().naming().productName() + "-endpoints").asMap())
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
}
