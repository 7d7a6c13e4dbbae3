package com.sagemakermlops.components.bootstrap;

import com.pulumi.core.Output;
import com.sagemakermlops.components.deploy.Operators;
import com.sagemakermlops.components.hosting.DataCapture;
import com.sagemakermlops.components.hosting.HostingNames;
import com.sagemakermlops.components.hosting.monitoring.MonitoringNames;
import com.sagemakermlops.components.hosting.monitoring.MonitoringPermissions;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.BoundaryDenies;
import com.sagemakermlops.components.iam.NetworkInterfaceAccess;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.store.Grantee;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.Checks;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.VpcSettings;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The trust and permissions of the roles a target account holds for this product. */
final class TargetRolePolicies {
    static final String SAGEMAKER_SERVICE = ServiceTrust.SAGEMAKER.principal();
    static final String SCALING_SERVICE = "sagemaker.application-autoscaling.amazonaws.com";
    static final String SCALING_SERVICE_LINKED_ROLE =
            "AWSServiceRoleForApplicationAutoScaling_SageMakerEndpoint";
    /** Reading scalable targets and policies back: these actions support no resource-level permissions. */
    static final List<String> SCALING_DESCRIBE_ACTIONS = List.of(
            "application-autoscaling:DescribeScalableTargets", "application-autoscaling:DescribeScalingPolicies");

    private TargetRolePolicies() {
    }

    /** The target account, and the prefixes every hosting resource of the product starts with there. */
    record Scope(String partition, String region, String accountId, TargetEnvironment.Stage stage,
                 String productName, String sagemakerPrefix, String alarmPrefix, String rolePrefix) {

        static Scope of(TargetEnvironment environment, Naming naming) {
            return new Scope(Checks.partitionOf(environment.region()), environment.region(), environment.accountId(),
                    environment.stage(), naming.productName(), HostingNames.resourcePrefix(naming.productName()),
                    HostingNames.alarmPrefix(naming.productName()), naming.physicalPrefix(PhysicalName.IAM_ROLE));
        }

        Arns arns() {
            return new Arns(partition, region, Output.of(accountId));
        }

        String monitoringRoleArn() {
            return MonitoringNames.roleArn(productName, stage, accountId, region);
        }

        String arn(String service, String resource) {
            return Arns.of(partition, service, region, accountId, resource);
        }

        String globalArn(String service, String resource) {
            return Arns.of(partition, service, "", accountId, resource);
        }
    }

    /** Only the tooling deploy build of this stage and the operators, and only with the external ID. */
    static List<Statement> deployTrust(Output<String> deployBuildRoleArn, List<String> operatorRoleArns,
                                       Output<String> externalId) {
        List<Statement> statements = new ArrayList<>(List.of(Statement.allow("TrustToolingDeployBuild", "sts:AssumeRole")
                .principal("AWS", deployBuildRoleArn)
                .when("StringEquals", "sts:ExternalId", externalId)));
        statements.addAll(Operators.deployRoleTrust(operatorRoleArns, externalId));
        return statements;
    }

    /** SageMaker, acting for this account's models and endpoints in the stage's region only. */
    static ServiceTrust.Trust executionTrust(Scope scope) {
        return ServiceTrust.SAGEMAKER.trust(scope.accountId(), scope.arn("sagemaker", "*"));
    }

    /** What {@code pulumi up} of the stage's hosting stack needs, on this product's hosting resources only. */
    static List<Statement> deployRole(Scope scope, Output<String> executionRoleArn, ModelStoreRef store) {
        List<Statement> statements = new ArrayList<>(hosting(scope, executionRoleArn, store.registryArn()));
        // SageMaker encrypts the endpoint's storage through a grant made with the caller's permissions
        // (CrossAccountShare's key statements let the target accounts make it through SageMaker). No kms:DescribeKey:
        // the key policy lets target accounts describe the key only through S3, so a direct call is denied anyway.
        Grantee deployRole = Grantee.stageRole("DeployRole", scope.stage(), scope.accountId());
        statements.addAll(store.grantKeyForAwsResources(deployRole).statements());
        statements.addAll(scalingAndAlarms(scope));
        statements.addAll(MonitoringPermissions.deployRole(scope.arns(), scope.accountId(), scope.stage(),
                scope.productName(), scope.monitoringRoleArn()));
        return statements;
    }

    /** The product's models, endpoint configurations and endpoints, from approved packages. */
    private static List<Statement> hosting(Scope scope, Output<String> executionRoleArn,
                                           Output<String> modelPackageGroupArn) {
        String prefix = scope.sagemakerPrefix();
        return List.of(
                Statement.allow("ManageHosting",
                                "sagemaker:CreateModel", "sagemaker:DescribeModel", "sagemaker:DeleteModel",
                                "sagemaker:CreateEndpointConfig", "sagemaker:DescribeEndpointConfig",
                                "sagemaker:DeleteEndpointConfig", "sagemaker:CreateEndpoint",
                                "sagemaker:DescribeEndpoint", "sagemaker:UpdateEndpoint", "sagemaker:DeleteEndpoint",
                                "sagemaker:UpdateEndpointWeightsAndCapacities",
                                "sagemaker:AddTags", "sagemaker:ListTags", "sagemaker:DeleteTags")
                        .on(scope.arn("sagemaker", "model/" + prefix + "*"),
                                scope.arn("sagemaker", "endpoint-config/" + prefix + "*"),
                                scope.arn("sagemaker", "endpoint/" + prefix + "*")),
                // The deploy build finds the retained versions a verified deploy no longer serves, to delete them.
                Statement.allow("FindRetainedVersions", "sagemaker:ListEndpointConfigs", "sagemaker:ListModels")
                        .onAnyResourceBecause("SageMaker's List actions support no resource-level permissions"),
                // The deploy build's smoke test calls the new endpoint as this role.
                Statement.allow("InvokeHostedEndpoints", "sagemaker:InvokeEndpoint")
                        .on(scope.arn("sagemaker", "endpoint/" + prefix + "*")),
                // Creating a model from another account's package is authorised on the package as well.
                Statement.allow("UseApprovedPackages", "sagemaker:DescribeModelPackage", "sagemaker:CreateModel")
                        .on(modelPackages(modelPackageGroupArn)),
                Statement.allow("PassExecutionRole", "iam:PassRole")
                        .on(executionRoleArn)
                        .when("StringEquals", "iam:PassedToService", SAGEMAKER_SERVICE));
    }

    /** The endpoint's autoscaling and its alarms: the rollback alarms and those target tracking creates. */
    private static List<Statement> scalingAndAlarms(Scope scope) {
        String prefix = scope.sagemakerPrefix();
        return List.of(
                Statement.allow("ScaleEndpointVariants",
                                "application-autoscaling:RegisterScalableTarget",
                                "application-autoscaling:DeregisterScalableTarget",
                                "application-autoscaling:PutScalingPolicy",
                                "application-autoscaling:DeleteScalingPolicy",
                                "application-autoscaling:TagResource",
                                "application-autoscaling:ListTagsForResource")
                        .on(scope.arn("application-autoscaling", "scalable-target/*")),
                Statement.allow("DescribeScaling", SCALING_DESCRIBE_ACTIONS.toArray(String[]::new))
                        .onAnyResourceBecause("Application Auto Scaling's Describe actions accept only *"),
                Statement.allow("ManageEndpointAlarms",
                                "cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms", "cloudwatch:DescribeAlarms",
                                "cloudwatch:TagResource", "cloudwatch:ListTagsForResource")
                        .on(scope.arn("cloudwatch", "alarm:" + scope.alarmPrefix() + "*"),
                                // the alarms a target-tracking policy creates for the endpoint's variant
                                scope.arn("cloudwatch", "alarm:TargetTracking-endpoint/" + prefix + "*")),
                Statement.allow("CreateScalingServiceLinkedRole", "iam:CreateServiceLinkedRole")
                        .on(scope.globalArn("iam", "role/aws-service-role/" + SCALING_SERVICE + "/"
                                + SCALING_SERVICE_LINKED_ROLE))
                        .when("StringEquals", "iam:AWSServiceName", SCALING_SERVICE));
    }

    /**
     * What the hosted model runs with: its artifacts (the store's model artifacts folder, nothing else of the bucket,
     * which in single-account mode no bucket policy narrows), the key, its stage's capture prefix, images and logs.
     */
    static List<Statement> executionRole(Scope scope, Optional<VpcSettings> vpc, ModelStoreRef store) {
        String logGroup = "log-group:/aws/sagemaker/Endpoints/" + scope.sagemakerPrefix() + "*";
        Grantee executionRole = Grantee.stageRole("ExecutionRole", scope.stage(), scope.accountId());
        List<Statement> statements = new ArrayList<>(store
                .grantRead(executionRole, "ModelArtifacts", store.modelArtifactsPrefix() + "/")
                .and(store.grantWrite(executionRole, "DataCapture", DataCapture.prefix(scope.stage())))
                .statements());
        statements.addAll(List.of(
                Statement.allow("ReadApprovedPackages", "sagemaker:DescribeModelPackage")
                        .on(modelPackages(store.registryArn())),
                Statement.allow("PullInferenceImages", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                                "ecr:BatchCheckLayerAvailability")
                        // SageMaker's framework images live in AWS-owned registries that differ per region.
                        .on(Arns.of(scope.partition(), "ecr", scope.region(), "*", "repository/sagemaker-*")),
                Statement.allow("LogInToRegistries", "ecr:GetAuthorizationToken")
                        .onAnyResourceBecause("an ECR authorization token is not tied to a repository"),
                Statement.allow("WriteEndpointLogs", "logs:CreateLogGroup", "logs:CreateLogStream",
                                "logs:PutLogEvents", "logs:DescribeLogStreams")
                        .on(scope.arn("logs", logGroup), scope.arn("logs", logGroup + ":log-stream:*"))));
        vpc.ifPresent(settings -> statements.addAll(NetworkInterfaceAccess.forSageMaker(scope.arns(), settings)));
        return statements;
    }

    /** What the stage's monitoring jobs run with: see {@link MonitoringPermissions#monitoringRole}. */
    static List<Statement> monitoringRole(Scope scope, Optional<VpcSettings> vpc, ModelStoreRef store) {
        return MonitoringPermissions.monitoringRole(new MonitoringPermissions.Scope(scope.arns(), scope.accountId(),
                scope.stage(), MonitoringPermissions.storeAccess(store, scope.stage(), scope.accountId()), vpc));
    }

    /** {@code <productName>-<stage>-boundary}: the managed policy bounding the stage account's deploy role. */
    static String boundaryName(Naming naming, TargetEnvironment.Stage stage) {
        return naming.physical(PhysicalName.IAM_POLICY, stage.id() + "-boundary");
    }

    /**
     * {@code <productName>-<stage>-runtime-boundary}: the managed policy bounding the roles SageMaker runs as in the
     * stage account (the execution and monitoring roles).
     */
    static String runtimeBoundaryName(Naming naming, TargetEnvironment.Stage stage) {
        return naming.physical(PhysicalName.IAM_POLICY, stage.id() + "-runtime-boundary");
    }

    /**
     * A permissions boundary of roles in the stage account (a boundary must be a policy of the role's own account):
     * it allows exactly what the bounded roles' permissions allow, and denies what no role of the product may ever do
     * there, whatever is attached to them later. The deploy role has one, the execution and monitoring roles share
     * another: the three roles' permissions together exceed IAM's managed-policy size.
     */
    static List<Statement> stageBoundary(Scope scope, String boundaryName, List<Statement> allowed) {
        List<Statement> statements = new ArrayList<>(allowed);
        statements.addAll(BoundaryDenies.of(scope.globalArn("iam", "role/" + scope.rolePrefix() + "*"),
                Output.of(scope.globalArn("iam", "policy/" + boundaryName))));
        return statements;
    }

    /** Every version of the group: {@code model-package/<group>/*} beside {@code model-package-group/<group>}. */
    static Output<String> modelPackages(Output<String> modelPackageGroupArn) {
        return modelPackageGroupArn.applyValue(arn -> arn.replace(":model-package-group/", ":model-package/") + "/*");
    }
}
