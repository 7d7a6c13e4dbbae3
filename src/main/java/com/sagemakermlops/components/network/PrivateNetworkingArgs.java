package com.sagemakermlops.components.network;

import com.pulumi.core.Output;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.config.NetworkConfig;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Inputs of {@link PrivateNetworking}.
 *
 * @param product       names, tags and the tooling account, where the endpoints are; required
 * @param stageAccounts the accounts of the deploy stages: the deploy builds call their SageMaker, Application Auto
 *                      Scaling, CloudWatch and STS APIs with the stage's deploy role through these endpoints; default
 *                      none
 * @param network       the VPC, subnets, route tables, security group mode and allowed CIDRs; required
 * @param secretsKeyArn the hosting stacks' secrets key, the one key the deploy builds call KMS for directly; empty
 *                      when the hosting stacks live in Pulumi Cloud, whose secrets need no key of this account
 */
public record PrivateNetworkingArgs(ProductContext product, List<String> stageAccounts, NetworkConfig network,
                                    Optional<Output<String>> secretsKeyArn) {

    public PrivateNetworkingArgs {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(secretsKeyArn, "secretsKeyArn");
        stageAccounts = List.copyOf(stageAccounts);
    }

    /** This account and the stage accounts, each once: the principals the endpoints serve. */
    List<String> accounts() {
        return Stream.concat(Stream.of(product.scope().accountId()), stageAccounts.stream()).distinct().toList();
    }
}
