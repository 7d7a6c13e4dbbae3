package com.sagemakermlops.components.deploy;

import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

/**
 * The documented names of the two roles each target account holds for this product: the deploy role the tooling
 * account's deploy build assumes, and the SageMaker execution role the hosted model runs as. The bootstrap creates
 * them under these names; without a bootstrap they are expected to exist under these names.
 */
public final class DeployRoles {
    private DeployRoles() {
    }

    /** Name of the role in the stage's account that the deploy build assumes to run the hosting stack. */
    public static String deployRoleName(Naming naming, TargetEnvironment.Stage stage) {
        return naming.physical(PhysicalName.IAM_ROLE, stage.id() + "-deploy");
    }

    /** Name of the SageMaker execution role of the model hosted in the stage's account. */
    public static String executionRoleName(Naming naming, TargetEnvironment.Stage stage) {
        return naming.physical(PhysicalName.IAM_ROLE, stage.id() + "-sagemaker-execution");
    }

    /**
     * The external ID the deploy role requires: the environment's {@code externalId} when set, else
     * {@code <productName>-<stage>}, which the tooling stack exports for the hosting stack's provider.
     */
    public static String externalId(TargetEnvironment environment, Naming naming) {
        return environment.externalId().orElse(naming.productName() + "-" + environment.stage().id());
    }

    /** {@code arn:<partition>:iam::<account>:role/<deploy role name>} of {@code environment}. */
    public static String deployRoleArn(String partition, Naming naming, TargetEnvironment environment) {
        return Arns.roleOf(partition, environment.accountId(), deployRoleName(naming, environment.stage()));
    }

    /** {@code arn:<partition>:iam::<account>:role/<execution role name>} of {@code environment}. */
    public static String executionRoleArn(String partition, Naming naming, TargetEnvironment environment) {
        return Arns.roleOf(partition, environment.accountId(), executionRoleName(naming, environment.stage()));
    }
}
