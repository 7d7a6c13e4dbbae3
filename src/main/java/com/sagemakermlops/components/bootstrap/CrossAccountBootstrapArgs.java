package com.sagemakermlops.components.bootstrap;

import com.pulumi.core.Output;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.naming.Naming;

import java.util.List;
import java.util.Objects;

/**
 * What {@link CrossAccountBootstrap} creates in one target account, and the tooling resources its roles are scoped to.
 *
 * @param environment        the target account; its {@code bootstrapRoleArn} is assumed to create the roles, the
 *                           default provider when it is the tooling account itself; required
 * @param product            names and tags of the product; on Enterprise both roles are bounded by a stage boundary
 *                           policy created in the target account; required
 * @param store              the tooling key, model bucket (artifacts read, data capture written) and registry whose
 *                           versions are deployed; required
 * @param deployBuildRoleArn the tooling deploy build role of this stage, which the deploy role trusts; required
 * @param operatorRoleArns   roles the deploy role trusts as well, with the same external ID; default none
 */
public record CrossAccountBootstrapArgs(
        TargetEnvironment environment,
        ProductContext product,
        ModelStoreRef store,
        Output<String> deployBuildRoleArn,
        List<String> operatorRoleArns) {

    public CrossAccountBootstrapArgs {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(deployBuildRoleArn, "deployBuildRoleArn");
        operatorRoleArns = List.copyOf(operatorRoleArns);
    }

    Naming naming() {
        return product.naming();
    }

    Tags tags() {
        return product.tags();
    }

    /** Both roles of the stage are bounded by a stage boundary policy (Enterprise). */
    boolean withBoundary() {
        return product.tier().atLeast(Tier.ENTERPRISE);
    }
}
