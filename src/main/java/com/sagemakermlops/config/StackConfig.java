package com.sagemakermlops.config;

import java.util.Optional;

/**
 * The whole, validated configuration of one stack.
 *
 * @param accountId the account of {@code aws:allowedAccountIds}; a tooling stack's always, asked of the cloud when
 *                  not configured
 */
public record StackConfig(
        StackRole role,
        Tier tier,
        String region,
        Optional<String> accountId,
        Optional<Product> product,
        SourceControl sourceControl,
        Optional<CodeStarConnection> codeStarConnection,
        Optional<TrainingConfig> training,
        Optional<DeployConfig> deploy,
        Optional<NetworkConfig> network,
        SecurityConfig security,
        Optional<HostingConfig> hosting) {

    public String partition() {
        return Checks.partitionOf(region);
    }

    /** The tooling stack's training block; present whenever {@link #role()} is tooling. */
    public TrainingConfig requireTraining() {
        return training.orElseThrow(() -> new IllegalStateException("a tooling stack has a training block"));
    }

    public DeployConfig requireDeploy() {
        return deploy.orElseThrow(() -> new IllegalStateException("a tooling stack has a deploy block"));
    }

    public Product requireProduct() {
        return product.orElseThrow(() -> new IllegalStateException("a tooling stack has a product"));
    }

    /** The account the stack deploys to; present whenever {@link #role()} is tooling. */
    public String requireAccountId() {
        return accountId.orElseThrow(() -> new IllegalStateException("a tooling stack has an account id"));
    }

    public HostingConfig requireHosting() {
        return hosting.orElseThrow(() -> new IllegalStateException("a hosting stack has a hosting block"));
    }
}
