package com.sagemakermlops.config;

import java.util.List;
import java.util.Optional;

/**
 * Extra permissions for a CodeBuild role: an inline policy document (with its policy-pack suppressions) or an
 * existing managed policy.
 */
public record BuildPolicy(Optional<String> policyDocumentJson, Optional<String> policyArn, List<Suppression> suppressions) {
    public BuildPolicy {
        suppressions = List.copyOf(suppressions);
    }

    /** A finding the owner has accepted, by policy name or cdk-nag id, with the reason why. */
    public record Suppression(String id, String reason) {
    }
}
