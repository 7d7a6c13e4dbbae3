package com.sagemakermlops.contract;

import com.sagemakermlops.config.VpcSettings;

import java.util.List;
import java.util.Optional;

/**
 * The stage's VPC, when its endpoint runs in one.
 *
 * @param vpcId            the VPC, or empty outside one
 * @param subnetIds        the subnets the model's containers attach to; empty outside a VPC
 * @param securityGroupIds the security groups of those attachments; empty outside a VPC
 */
public record StageNetwork(Optional<String> vpcId, List<String> subnetIds, List<String> securityGroupIds) {
    /** Outside any VPC. */
    public static final StageNetwork NONE = new StageNetwork(Optional.empty(), List.of(), List.of());

    public StageNetwork {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    /** The VPC a stage's configuration places its endpoint in, or {@link #NONE}. */
    public static StageNetwork of(Optional<VpcSettings> vpc) {
        return vpc.map(v -> new StageNetwork(Optional.of(v.vpcId()), v.subnetIds(), v.securityGroupIds()))
                .orElse(NONE);
    }

    /** True when the endpoint runs in the stage's VPC (subnets and security groups given). */
    public boolean inVpc() {
        return !subnetIds.isEmpty() && !securityGroupIds.isEmpty();
    }
}
