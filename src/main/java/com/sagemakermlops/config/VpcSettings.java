package com.sagemakermlops.config;

import java.util.List;

/** The MDAA {@code devEnvironment}-style VPC placement of builds, jobs and endpoints. */
public record VpcSettings(String vpcId, List<String> subnetIds, List<String> securityGroupIds) {
    public VpcSettings {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }
}
