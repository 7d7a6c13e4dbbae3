package com.sagemakermlops.components;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.AwsScope;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.naming.Naming;

import java.util.Objects;
import java.util.Optional;

/**
 * What every tooling component of one product shares: its names, tags, where it lives, its tier and the boundary of
 * its roles.
 *
 * @param naming              the product's physical names; required
 * @param tags                the tags every resource carries; required
 * @param scope               the tooling account's partition, region and account; required
 * @param tier                the product's tier; required
 * @param permissionsBoundary the managed policy set as permissions boundary on every role; default none (Enterprise
 *                            sets one)
 */
public record ProductContext(Naming naming, Tags tags, AwsScope scope, Tier tier,
                             Optional<Output<String>> permissionsBoundary) {

    public ProductContext {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(permissionsBoundary, "permissionsBoundary");
    }
}
