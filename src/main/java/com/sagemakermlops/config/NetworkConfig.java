package com.sagemakermlops.config;

import java.util.List;
import java.util.Optional;

/** Enterprise private networking: where the VPC comes from and who may reach the interface endpoints. */
public record NetworkConfig(
        Mode mode,
        String vpcParameterStorePath,
        Optional<String> sgParameterStorePath,
        List<String> subnetIds,
        List<String> allowedIngressCidrs) {

    public NetworkConfig {
        subnetIds = List.copyOf(subnetIds);
        allowedIngressCidrs = List.copyOf(allowedIngressCidrs);
    }

    /** {@code standalone} creates the endpoints' security group; {@code sg-provisioner} reads it from SSM. */
    public enum Mode {
        STANDALONE, SG_PROVISIONER
    }
}
