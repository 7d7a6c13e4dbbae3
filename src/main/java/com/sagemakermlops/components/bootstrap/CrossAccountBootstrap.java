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
import com.sagemakermlops.components.iam.BoundaryDocument;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two roles a target account holds for this product, created from the tooling stack through a provider that
 * assumes the environment's bootstrap role in that account: the deploy role the stage's deploy build assumes (with
 * the external ID) to run the hosting stack, and the SageMaker execution role the hosted model runs as. With a
 * boundary, both are bounded by a managed policy of that same account (see {@link TargetRolePolicies#stageBoundary}).
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
        var scope = TargetRolePolicies.Scope.of(environment, args.naming());
        ModelStoreRef store = args.store();
        List<Statement> executionPermissions = TargetRolePolicies.executionRole(scope, environment.vpc(),
                store.bucketArn(), store.modelArtifactsArn(), store.keyArn(), store.registryArn());
        Optional<Output<String>> boundary = args.withBoundary()
                ? Optional.of(stageBoundary(name + "-boundary", scope, args, executionPermissions, inTarget.build()))
                : Optional.empty();

        Role execution = role(name + "-execution-role",
                DeployRoles.executionRoleName(args.naming(), environment.stage()),
                TargetRolePolicies.executionTrust(scope), boundary, args, inTarget.build());
        Roles.permissions(name + "-execution-permissions", execution, executionPermissions, inTarget.build());

        Role deploy = role(name + "-deploy-role", DeployRoles.deployRoleName(args.naming(), environment.stage()),
                new ServiceTrust.Trust(PolicyDocument.of(TargetRolePolicies.deployTrust(args.deployBuildRoleArn(),
                        args.operatorRoleArns(), external)), List.of()), boundary, args, inTarget.build());
        Roles.permissions(name + "-deploy-permissions", deploy, TargetRolePolicies.deployRole(scope, execution.arn(),
                args.store().keyArn(), args.store().registryArn()), inTarget.build());

        this.deployRoleArn = deploy.arn();
        this.executionRoleArn = execution.arn();
        this.externalId = external;
        registerOutputs(Map.of("deployRoleArn", deployRoleArn, "executionRoleArn", executionRoleArn,
                "externalId", externalId));
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
     * The stage boundary, in the account of the roles it bounds. The deploy role's permissions name the execution
     * role by its documented ARN here: the execution role is created with this boundary, so it cannot come first.
     */
    private static Output<String> stageBoundary(String name, TargetRolePolicies.Scope scope,
                                                CrossAccountBootstrapArgs args, List<Statement> executionPermissions,
                                                CustomResourceOptions options) {
        String policyName = TargetRolePolicies.boundaryName(args.naming(), scope.stage());
        Output<String> executionRole = Output.of(DeployRoles.executionRoleArn(scope.partition(), args.naming(),
                args.environment()));
        return new Policy(name, PolicyArgs.builder()
                .name(policyName)
                .description("Permissions boundary of the roles of " + args.naming().productName() + " in the "
                        + scope.stage().id() + " account")
                .policy(PolicyDocument.of(TargetRolePolicies.stageBoundary(scope, policyName,
                        TargetRolePolicies.deployRole(scope, executionRole, args.store().keyArn(),
                                args.store().registryArn()), executionPermissions))
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
