package com.sagemakermlops.components.security;

import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.naming.Naming;

import java.util.Optional;

/**
 * Inputs of {@link AuditTrail}.
 *
 * @param logGroupArn the log group the trail delivers to (its ARN without the {@code :*} suffix)
 */
public record AuditTrailArgs(
        Naming naming,
        String partition,
        String region,
        Output<String> accountId,
        Output<String> kmsKeyArn,
        Output<String> logGroupArn,
        Tags tags,
        Optional<Output<String>> permissionsBoundaryArn) {
}
