package com.sagemakermlops.components.hosting;

import java.util.List;

/**
 * Where a model's containers run on the network.
 *
 * @param isolated         the containers have no network access (SageMaker's {@code EnableNetworkIsolation})
 * @param subnetIds        the VPC subnets the containers attach to; empty outside a VPC
 * @param securityGroupIds the security groups of those attachments; empty outside a VPC
 */
public record ModelNetwork(boolean isolated, List<String> subnetIds, List<String> securityGroupIds) {
    /** The default: isolated, outside any VPC. */
    public static final ModelNetwork ISOLATED = new ModelNetwork(true, List.of(), List.of());

    public ModelNetwork {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    /** True when the containers run in a VPC (subnets and security groups given). */
    public boolean inVpc() {
        return !subnetIds.isEmpty() && !securityGroupIds.isEmpty();
    }

    /** The subnets and security groups in a stable order, or empty outside a VPC: what names depend on. */
    String fingerprint() {
        return inVpc() ? String.join(",", subnetIds.stream().sorted().toList()) + "|"
                + String.join(",", securityGroupIds.stream().sorted().toList()) : "";
    }
}
