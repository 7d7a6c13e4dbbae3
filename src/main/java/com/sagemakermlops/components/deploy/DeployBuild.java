package com.sagemakermlops.components.deploy;

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
    public static final int TIMEOUT_MINUTES = 60;

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
