package com.sagemakermlops.components.security;

import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.SecurityConfig;
import com.sagemakermlops.naming.Naming;

import java.util.Optional;

/**
 * Inputs of {@link SecurityMonitoring}.
 *
 * @param kmsKeyArn             the product's CMK; its key policy must carry {@link KeyPolicyGrants#forSecurityMonitoring}
 * @param createTrail           whether to create a multi-region CloudTrail trail delivering to the log group; turn
 *                              off where an organization trail already exists and is wired to the log group
 * @param permissionsBoundaryArn boundary set on the trail's delivery role, when the product uses one
 */
public record SecurityMonitoringArgs(
        Naming naming,
        String partition,
        String region,
        String accountId,
        SecurityConfig security,
        Output<String> kmsKeyArn,
        Tags tags,
        boolean createTrail,
        Optional<Output<String>> permissionsBoundaryArn) {

    /** A trail is created and no boundary is set. */
    public static SecurityMonitoringArgs of(Naming naming, String partition, String region, String accountId,
                                            SecurityConfig security, Output<String> kmsKeyArn, Tags tags) {
        return new SecurityMonitoringArgs(naming, partition, region, accountId, security, kmsKeyArn, tags, true,
                Optional.empty());
    }

    public SecurityMonitoringArgs withoutTrail() {
        return new SecurityMonitoringArgs(naming, partition, region, accountId, security, kmsKeyArn, tags, false,
                permissionsBoundaryArn);
    }

    public SecurityMonitoringArgs withPermissionsBoundary(Output<String> boundaryArn) {
        return new SecurityMonitoringArgs(naming, partition, region, accountId, security, kmsKeyArn, tags,
                createTrail, Optional.of(boundaryArn));
    }
}
