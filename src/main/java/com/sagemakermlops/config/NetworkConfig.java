package com.sagemakermlops.config;

import java.util.List;
import java.util.Optional;

/**
 * Enterprise private networking: where the VPC comes from, who may reach the interface endpoints, which route tables
 * the S3 gateway endpoint routes through, and whether the subnets reach the internet.
 *
 * @param routeTableIds  the route tables the S3 gateway endpoint adds its route to (a gateway endpoint routes nothing
 *                       without them)
 * @param internetEgress whether the subnets of the builds route to the internet, which their package installs need
 */
public record NetworkConfig(
        Mode mode,
        String vpcParameterStorePath,
        Optional<String> sgParameterStorePath,
        List<String> subnetIds,
        List<String> routeTableIds,
        List<String> allowedIngressCidrs,
        InternetEgress internetEgress) {

    public NetworkConfig {
        subnetIds = List.copyOf(subnetIds);
        routeTableIds = List.copyOf(routeTableIds);
        allowedIngressCidrs = List.copyOf(allowedIngressCidrs);
    }

    /** {@code standalone} creates the endpoints' security group; {@code sg-provisioner} reads it from SSM. */
    public enum Mode {
        STANDALONE, SG_PROVISIONER
    }

    /** {@code nat}: the subnets route to the internet through a NAT gateway; {@code none}: they do not. */
    public enum InternetEgress {
        NAT, NONE
    }
}
