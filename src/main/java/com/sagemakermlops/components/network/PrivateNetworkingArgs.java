package com.sagemakermlops.components.network;

import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.NetworkConfig;
import com.sagemakermlops.naming.Naming;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of {@link PrivateNetworking}.
 *
 * @param accountId     the tooling account, where the endpoints are
 * @param stageAccounts the accounts of the deploy stages: the deploy builds call their SageMaker, Application Auto
 *                      Scaling, CloudWatch and STS APIs with the stage's deploy role through these endpoints
 * @param secretsKeyArn the hosting stacks' secrets key, the one key the deploy builds call KMS for directly; empty
 *                      when the hosting stacks live in Pulumi Cloud, whose secrets need no key of this account
 */
public record PrivateNetworkingArgs(
        Naming naming,
        String partition,
        String region,
        String accountId,
        List<String> stageAccounts,
        NetworkConfig network,
        java.util.Optional<Output<String>> secretsKeyArn,
        Tags tags) {

    public PrivateNetworkingArgs {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(secretsKeyArn, "secretsKeyArn");
        stageAccounts = List.copyOf(stageAccounts);
    }

    /** This account and the stage accounts, each once: the principals the endpoints serve. */
    List<String> accounts() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(accountId), stageAccounts.stream())
                .distinct().toList();
    }
}
