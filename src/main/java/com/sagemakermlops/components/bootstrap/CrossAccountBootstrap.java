package com.sagemakermlops.components.bootstrap;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.iam.Policy;
import com.pulumi.aws.iam.PolicyArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.ConfigOutput;
import com.sagemakermlops.components.deploy.DeployRoles;
import com.sagemakermlops.components.hosting.monitoring.MonitoringNames;
import com.sagemakermlops.components.iam.BoundaryDocument;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roles a target account holds for this product, created from the tooling stack through a provider that
 * assumes the environment's bootstrap role in that account: the deploy role the stage's deploy build assumes (with
 * the external ID) to run the hosting stack, the SageMaker execution role the hosted model runs as, and the role its
 * data-quality monitoring jobs run as. With a boundary, each is bounded by a managed policy of that same account
 * (see {@link TargetRolePolicies#stageBoundary}): the deploy role by one, the two roles SageMaker runs as by another.
 */
public final class CrossAccountBootstrap extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:bootstrap:CrossAccountBootstrap";

    private final Output<String> deployRoleArn;
    private final Output<String> executionRoleArn;
    private final Output<String> externalId;

    public CrossAccountBootstrap(String name, CrossAccountBootstrapArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        TargetEnvironment environment = args.environment();
        Output<String> external = ConfigOutput.of(DeployRoles.externalId(environment, args.naming()),
                environment.externalIdSecret());
        var inTarget = inTargetAccount(name, environment);
        var scope = TargetRolePolicies.Scope.of(environment, args.naming());
        List<Statement> executionPermissions = TargetRolePolicies.executionRole(scope, environment.vpc(),
                args.store());
        List<Statement> monitoringPermissions = TargetRolePolicies.monitoringRole(scope, environment.vpc(),
                args.store());
        Boundaries boundaries = args.withBoundary()
                ? boundaries(name, scope, args, executionPermissions, monitoringPermissions, inTarget.build())
                : new Boundaries(Optional.empty(), Optional.empty());

        Role execution = runtimeRole(name + "-execution", DeployRoles.executionRoleName(args.naming(),
                environment.stage()), scope, boundaries.runtime(), executionPermissions, args, inTarget);
        runtimeRole(name + "-monitoring", MonitoringNames.role(args.naming().productName(), environment.stage()),
                scope, boundaries.runtime(), monitoringPermissions, args, inTarget);
        Role deploy = role(name + "-deploy-role", DeployRoles.deployRoleName(args.naming(), environment.stage()),
                new ServiceTrust.Trust(PolicyDocument.of(TargetRolePolicies.deployTrust(args.deployBuildRoleArn(),
                        args.operatorRoleArns(), external)), List.of()), boundaries.deploy(), args, inTarget.build());
        Roles.permissions(name + "-deploy-permissions", deploy, TargetRolePolicies.deployRole(scope, execution.arn(),
                args.store()), inTarget.build());

        this.deployRoleArn = deploy.arn();
        this.executionRoleArn = execution.arn();
        this.externalId = external;
        registerOutputs(Map.of("deployRoleArn", deployRoleArn, "executionRoleArn", executionRoleArn,
                "externalId", externalId));
    }

    /** The boundary of the deploy role, and that of the two roles SageMaker runs as. */
    private record Boundaries(Optional<Output<String>> deploy, Optional<Output<String>> runtime) {
    }

    private static Boundaries boundaries(String name, TargetRolePolicies.Scope scope, CrossAccountBootstrapArgs args,
                                         List<Statement> executionPermissions,
                                         List<Statement> monitoringPermissions, CustomResourceOptions options) {
        Output<String> deploy = deployBoundary(name + "-boundary", scope, args, options);
        List<Statement> runtimePermissions = new ArrayList<>(executionPermissions);
        runtimePermissions.addAll(monitoringPermissions);
        Output<String> runtime = boundary(name + "-runtime-boundary", scope, args,
                TargetRolePolicies.runtimeBoundaryName(args.naming(), scope.stage()),
                "execution and monitoring roles", runtimePermissions, options);
        return new Boundaries(Optional.of(deploy), Optional.of(runtime));
    }

    /** {@code <name>-role} and its {@code <name>-permissions}: a role SageMaker runs as in the stage account. */
    private static Role runtimeRole(String name, String roleName, TargetRolePolicies.Scope scope,
                                    Optional<Output<String>> boundary, List<Statement> permissions,
                                    CrossAccountBootstrapArgs args, CustomResourceOptions.Builder inTarget) {
        Role role = role(name + "-role", roleName, TargetRolePolicies.executionTrust(scope), boundary, args,
                inTarget.build());
        Roles.permissions(name + "-permissions", role, permissions, inTarget.build());
        return role;
    }

    /** Options of the roles' resources: in the stage account, through a provider that assumes the bootstrap role. */
    private CustomResourceOptions.Builder inTargetAccount(String name, TargetEnvironment environment) {
        var inTarget = CustomResourceOptions.builder().parent(this);
        // Without a bootstrap role the stage is the tooling account itself (single-account mode): default provider.
        environment.bootstrapRoleArn().ifPresent(role -> inTarget.provider(new Provider(name + "-provider",
                ProviderArgs.builder()
                        .region(environment.region())
                        .allowedAccountIds(environment.accountId())
                        // a secret external ID keeps the whole session secret: providers take it as JSON text
                        .assumeRole(environment.externalIdSecret() ? Output.ofSecret(assumeBootstrapRole(environment))
                                : Output.of(assumeBootstrapRole(environment)))
                        .build(), CustomResourceOptions.builder().parent(this).build())));
        return inTarget;
    }

    /** The session that creates the roles: named after the stage, with the external ID when one is configured. */
    static ProviderAssumeRoleArgs assumeBootstrapRole(TargetEnvironment environment) {
        var assume = ProviderAssumeRoleArgs.builder()
                .roleArn(environment.bootstrapRoleArn().orElseThrow())
                .sessionName("sagemaker-mlops-bootstrap-" + environment.stage().id());
        environment.externalId().ifPresent(assume::externalId);
        return assume.build();
    }

    /**
     * The boundary of the deploy role. Its permissions name the execution role by its documented ARN here: that role
     * is created with the runtime boundary, which comes first.
     */
    private static Output<String> deployBoundary(String name, TargetRolePolicies.Scope scope,
                                                 CrossAccountBootstrapArgs args, CustomResourceOptions options) {
        Output<String> executionRole = Output.of(DeployRoles.executionRoleArn(scope.partition(), args.naming(),
                args.environment()));
        return boundary(name, scope, args, TargetRolePolicies.boundaryName(args.naming(), scope.stage()),
                "deploy role", TargetRolePolicies.deployRole(scope, executionRole, args.store()), options);
    }

    /** A stage boundary named {@code policyName}, in the account of the roles it bounds. */
    private static Output<String> boundary(String name, TargetRolePolicies.Scope scope, CrossAccountBootstrapArgs args,
                                           String policyName, String bounded, List<Statement> allowed,
                                           CustomResourceOptions options) {
        return new Policy(name, PolicyArgs.builder()
                .name(policyName)
                .description("Permissions boundary of the " + bounded + " of " + args.naming().productName()
                        + " in the " + scope.stage().id() + " account")
                .policy(PolicyDocument.of(TargetRolePolicies.stageBoundary(scope, policyName, allowed))
                        .applyValue(BoundaryDocument::compacted))
                .tags(args.tags().asMap())
                .build(), options).arn();
    }

    private static Role role(String name, String roleName, ServiceTrust.Trust trust,
                             Optional<Output<String>> boundary, CrossAccountBootstrapArgs args,
                             CustomResourceOptions options) {
        return Roles.create(name, new Roles.Spec(roleName, "Hosting of " + args.naming().productName() + " in the "
                + args.environment().stage().id() + " account: " + name, trust, boundary, args.tags()), options);
    }

    public Output<String> deployRoleArn() {
        return deployRoleArn;
    }

    public Output<String> executionRoleArn() {
        return executionRoleArn;
    }

    public Output<String> externalId() {
        return externalId;
    }
}
