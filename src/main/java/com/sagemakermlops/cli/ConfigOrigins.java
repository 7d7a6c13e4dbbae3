package com.sagemakermlops.cli;

import com.sagemakermlops.policy.PolicyFinding;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration key a policy finding comes from, for the resources the program makes out of one configuration
 * entry as written: a {@code buildPolicies} entry's managed policy ({@code BuildPolicyAttachments}, numbered from 1
 * in configuration order) and the endpoint security group's rules from {@code network.allowedIngressCidrs}
 * ({@code PrivateNetworking}). Every other finding is about what the program builds, not about a value a user wrote.
 */
final class ConfigOrigins {
    private static final Pattern TRAINING_BUILD_POLICY = Pattern.compile("training-build-policy-(\\d+)");
    private static final Pattern DEPLOY_BUILD_POLICY = Pattern.compile("deploy-build-(?:preprod|prod)-extra-(\\d+)");
    private static final String POLICY_TYPE = "aws:iam/policy:Policy";
    private static final String ENDPOINT_SECURITY_GROUP = "network-endpoints";

    private ConfigOrigins() {
    }

    /** The key path (without namespace, e.g. {@code training.buildPolicies[0].policyDocument}), when config made it. */
    static Optional<String> keyPath(PolicyFinding finding) {
        if (finding.type().equals(POLICY_TYPE)) {
            return buildPolicy(TRAINING_BUILD_POLICY.matcher(finding.name()), "training", finding)
                    .or(() -> buildPolicy(DEPLOY_BUILD_POLICY.matcher(finding.name()), "deploy", finding));
        }
        if (finding.name().equals(ENDPOINT_SECURITY_GROUP) && finding.policy().startsWith("sg-")) {
            return Optional.of("network.allowedIngressCidrs");
        }
        return Optional.empty();
    }

    private static Optional<String> buildPolicy(Matcher name, String block, PolicyFinding finding) {
        if (!name.matches()) {
            return Optional.empty();
        }
        String entry = block + ".buildPolicies[" + (Integer.parseInt(name.group(1)) - 1) + "]";
        return Optional.of(entry + (finding.policy().startsWith("suppression-") ? ".suppressions" : ".policyDocument"));
    }
}
