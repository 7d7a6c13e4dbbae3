package com.sagemakermlops.components.deploy;

import com.sagemakermlops.config.HostingConfig;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each stage's deploy build runs with: buildspec, Pulumi version and the environment variables the
 * model-deploy seed code reads (see its README).
 */
public final class DeployBuild {
    /** The Pulumi CLI the build installs; the hosting stacks are updated by this version only. */
    public static final String PULUMI_VERSION = "3.190.0";
    /**
     * Everything the build does but wait for the endpoint: install the CLI and Python packages, run the seed tests,
     * build the program with Maven, preview, then verify (which waits up to ten minutes for an endpoint still
     * settling), smoke-test and clean up.
     */
    static final int STEPS_MINUTES = 30;
    /** Beyond the steps and the provider's longest wait for the endpoint, so CodeBuild never stops pulumi mid-update. */
    static final int MARGIN_MINUTES = 15;
    /**
     * {@code pulumi up} waits for the endpoint at most {@link HostingConfig.Deployment#PROVIDER_WAIT_MINUTES} (the
     * configuration refuses a blue/green strategy that cannot settle within it), so the build outlasts that: killed by
     * its timeout mid-update, it would leave the stack's state locked and the update half recorded.
     */
    public static final int TIMEOUT_MINUTES = STEPS_MINUTES + HostingConfig.Deployment.PROVIDER_WAIT_MINUTES
            + MARGIN_MINUTES;
    /**
     * 3 GB and 2 vCPUs (https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-compute-types.html).
     * Measured on the program as shipped: {@code mvn package} peaks at 450 MB resident; during {@code pulumi up} the
     * program's JVM (an offline plan of a hosting stack, with the policy pack in process, peaks at 300 MB), the
     * analyzer's JVM (80 MB idle) and the CLI (120 MB) run beside one aws provider process (300 to 430 MB each,
     * pulumi/pulumi-aws#5860): about 1 GB together, a third of the smallest size, which leaves twice as much again.
     */
    public static final String COMPUTE_TYPE = "BUILD_GENERAL1_SMALL";
    /** With Pulumi Cloud, CodeBuild fills this from the token's secret; the CLI logs in with it. */
    public static final String ACCESS_TOKEN_VARIABLE = "PULUMI_ACCESS_TOKEN";

    private DeployBuild() {
    }

    /** The build project of {@code stage}. */
    public static String projectName(Naming naming, TargetEnvironment.Stage stage) {
        return naming.physical(PhysicalName.CODEBUILD, "deploy-" + stage.id());
    }

    /** The project's log group, named explicitly so the build role's log statement can name it. */
    public static String logGroupName(String projectName) {
        return "/aws/codebuild/" + projectName;
    }

    /**
     * The environment of {@code environment}'s build, in a stable order. The deploy role and external ID are given
     * to the smoke test too: it calls the endpoint through the same role, whose trust requires the external ID
     * (the configured one or its default, {@link DeployRoles#externalId}).
     */
    public static Map<String, String> variables(TargetEnvironment environment, String deployRoleArn,
                                                String externalId, String modelPackageGroupName,
                                                String backendUrl, String secretsProvider) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("STAGE", environment.stage().id());
        vars.put("PULUMI_STACK", environment.stage().id());
        vars.put("MODEL_PACKAGE_GROUP_NAME", modelPackageGroupName);
        vars.put("PULUMI_BACKEND_URL", backendUrl);
        vars.put("PULUMI_SECRETS_PROVIDER", secretsProvider);
        vars.put("PULUMI_VERSION", PULUMI_VERSION);
        vars.put("DEPLOY_ROLE_ARN", deployRoleArn);
        vars.put("TARGET_ACCOUNT_ID", environment.accountId());
        vars.put("TARGET_REGION", environment.region());
        vars.put("SMOKE_TEST_ROLE_ARN", deployRoleArn);
        vars.put("ENDPOINT_REGION", environment.region());
        vars.put("EXTERNAL_ID", externalId);
        vars.put("SMOKE_TEST_EXTERNAL_ID", externalId);
        return vars;
    }
}
