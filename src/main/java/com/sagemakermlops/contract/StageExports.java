package com.sagemakermlops.contract;

import com.pulumi.core.Output;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.Objects;

/**
 * One stage's entry of the tooling stack's {@code environments} output: where the stage's hosting deploys, the roles
 * its provider assumes and passes, and how its endpoint is isolated and observed.
 *
 * @param accountId              the stage's twelve-digit account id
 * @param region                 the stage's region
 * @param network                the stage's VPC, or {@link StageNetwork#NONE}
 * @param roles                  the stage's deploy and execution roles
 * @param enableNetworkIsolation whether the model's containers run without network access
 * @param enableDataCapture      whether the endpoint captures its requests and responses to the model bucket
 */
public record StageExports(String accountId, String region, StageNetwork network, StageRoles roles,
                           boolean enableNetworkIsolation, boolean enableDataCapture) {
    public StageExports {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(roles, "roles");
    }

    /**
     * The entry the tooling stack exports for {@code environment}, once its roles are known.
     *
     * @param enableNetworkIsolation the deploy block's {@code enableNetworkIsolation}
     * @param enableDataCapture      the deploy block's {@code enableDataCapture}
     */
    public static Output<StageExports> of(TargetEnvironment environment, Output<StageRoles> roles,
                                          boolean enableNetworkIsolation, boolean enableDataCapture) {
        return roles.applyValue(known -> new StageExports(environment.accountId(), environment.region(),
                StageNetwork.of(environment.vpc()), known, enableNetworkIsolation, enableDataCapture));
    }
}
