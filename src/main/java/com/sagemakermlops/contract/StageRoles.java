package com.sagemakermlops.contract;

import com.pulumi.core.Output;

/**
 * The roles of the stage's account that its hosting uses.
 *
 * @param deployRoleArn    the role the stage's provider assumes to deploy
 * @param executionRoleArn the role the stage's model runs as
 * @param externalId       the external ID the deploy role's trust requires (a secret when configured as one)
 */
public record StageRoles(String deployRoleArn, String executionRoleArn, String externalId) {

    /** The roles once each is known. */
    public static Output<StageRoles> of(Output<String> deployRoleArn, Output<String> executionRoleArn,
                                        Output<String> externalId) {
        return Output.tuple(deployRoleArn, executionRoleArn, externalId)
                .applyValue(t -> new StageRoles(t.t1, t.t2, t.t3));
    }
}
