package com.sagemakermlops.stacks;

import com.pulumi.Context;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.ConfigOutput;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.bootstrap.CrossAccountBootstrap;
import com.sagemakermlops.components.bootstrap.CrossAccountBootstrapArgs;
import com.sagemakermlops.components.deploy.DeployPipeline;
import com.sagemakermlops.components.deploy.DeployPipelineArgs;
import com.sagemakermlops.components.deploy.DeployRoles;
import com.sagemakermlops.components.deploy.Operators;
import com.sagemakermlops.components.hosting.StageEnvironment;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.hosting.ToolingOutputNames;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.monitoring.PipelineDashboard;
import com.sagemakermlops.components.monitoring.PipelineDashboardArgs;
import com.sagemakermlops.components.network.PrivateNetworking;
import com.sagemakermlops.components.network.PrivateNetworkingArgs;
import com.sagemakermlops.components.security.KeyPolicyGrants;
import com.sagemakermlops.components.security.PermissionBoundary;
import com.sagemakermlops.components.security.PermissionBoundaryArgs;
import com.sagemakermlops.components.security.SecurityMonitoring;
import com.sagemakermlops.components.security.SecurityMonitoringArgs;
import com.sagemakermlops.components.source.ProgramBundle;
import com.sagemakermlops.components.source.SeedCodeSource;
import com.sagemakermlops.components.source.SeedCodeSourceArgs;
import com.sagemakermlops.components.source.SeedCodeSources;
import com.sagemakermlops.components.training.TrainingPipeline;
import com.sagemakermlops.components.training.TrainingPipelineArgs;
import com.sagemakermlops.config.DeployConfig;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.config.TrainingConfig;
import com.sagemakermlops.naming.Naming;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tooling account: registry, artifacts, key, both pipelines, the roles in the target accounts, monitoring, and
 * the outputs the hosting stacks read. Tier extras are added here, each as its own component.
 */
final class ToolingStack {
    private ToolingStack() {
    }

    static void define(Context ctx, StackConfig configured) {
        String accountId = configured.requireAccountId();
        StackConfig config = configured.withDeploy(configured.requireDeploy()
                .orSingleAccount(accountId, configured.region()));
        TrainingConfig trainingConfig = config.requireTraining();
        DeployConfig deployConfig = config.requireDeploy();
        Tier tier = config.tier();
        Naming naming = new Naming(config.requireProduct(), config.region());
        Tags tags = Tags.of(naming.productName(), tier.name().toLowerCase(), "tooling", trainingConfig.projectName(),
                trainingConfig.domainId(), trainingConfig.domainArn());
        if (configured.requireDeploy().environments().isEmpty()) {
            ctx.log().info("deploy: no preProdEnvironment or prodEnvironment configured: the deploy pipeline "
                    + "deploys to one preprod stage in this account (single-account mode)");
        }

        Optional<Output<String>> boundary = tier.atLeast(Tier.ENTERPRISE)
                ? Optional.of(new PermissionBoundary("permission-boundary", new PermissionBoundaryArgs(naming,
                config.partition(), config.region(), accountId, tags, config.codeStarConnection().map(c -> c.connectionArn()),
                config.sourceControl() == SourceControl.CODECOMMIT),
                ComponentResourceOptions.builder().build()).policyArn())
                : Optional.empty();

        List<Statement> keyGrants = new ArrayList<>(Operators.productKeyForState(deployConfig.operatorRoleArns(),
                new Arns(config.partition(), config.region(), Output.of(accountId)), naming));
        if (tier.atLeast(Tier.ENTERPRISE)) {
            keyGrants.addAll(KeyPolicyGrants.forSecurityMonitoring(naming, config.partition(), config.region(),
                    Output.of(accountId)));
        }
        TrainingPipelineArgs trainingArgs = TrainingPipelineArgs.from(config, naming, tags, Output.of(accountId),
                boundary).withKeyGrants(keyGrants);
        var training = new TrainingPipeline("training", trainingArgs, null);

        Map<String, Output<String>> parameters = new LinkedHashMap<>();
        Tags deployTags = tags.with("sagemaker:project-name", deployConfig.projectName());
        var deploySourceArgs = new SeedCodeSourceArgs("model-deploy", config.sourceControl(),
                deployConfig.seedCodePath(), training.bucketName(), training.bucketArn(), training.keyArn(),
                config.codeStarConnection(), naming, deployTags,
                new Arns(config.partition(), config.region(), Output.of(accountId)), boundary)
                .withAdditions(ProgramBundle.of(Path.of(""),
                        deployConfig.environments().stream().map(TargetEnvironment::stage).toList()));
        SeedCodeSource deploySource = SeedCodeSources.create("deploy-source", deploySourceArgs,
                CustomResourceOptions.builder().build());
        var deploy = new DeployPipeline("deploy", new DeployPipelineArgs(deployConfig, tier, naming, deployTags,
                config.partition(), config.region(), accountId, deploySource.source(),
                training.bucketName(), training.bucketArn(), training.keyArn(), training.modelPackageGroupName(),
                training.modelPackageGroupArn(), boundary));

        Map<String, Output<Map<String, Object>>> environments = new LinkedHashMap<>();
        for (TargetEnvironment environment : deployConfig.environments()) {
            Output<String> deployRole = Output.of(DeployRoles.deployRoleArn(config.partition(), naming, environment));
            Output<String> executionRole = Output.of(DeployRoles.executionRoleArn(config.partition(), naming, environment));
            Output<String> externalId = ConfigOutput.of(DeployRoles.externalId(environment, naming),
                    environment.externalIdSecret());
            boolean sameAccount = environment.accountId().equals(accountId);
            if (environment.bootstrapRoleArn().isPresent() || sameAccount) {
                var bootstrap = new CrossAccountBootstrap("bootstrap-" + environment.stage().id(),
                        new CrossAccountBootstrapArgs(environment, naming, tags,
                                deploy.codeBuildRoleArns().get(environment.stage()), training.bucketArn(),
                                training.modelArtifactsArn(), training.keyArn(), training.modelPackageGroupArn(),
                                tier.atLeast(Tier.ENTERPRISE), deployConfig.operatorRoleArns()));
                deployRole = bootstrap.deployRoleArn();
                executionRole = bootstrap.executionRoleArn();
                externalId = bootstrap.externalId();
            }
            environments.put(environment.stage().id(), StageEnvironment.exported(environment, deployRole,
                    executionRole, externalId, deployConfig.enableNetworkIsolation(), deployConfig.enableDataCapture()));
        }

        if (tier.atLeast(Tier.PROFESSIONAL)) {
            List<Output<String>> projects = new ArrayList<>(List.of(training.buildProjectName()));
            projects.addAll(deploy.projectNames().values());
            var dashboard = new PipelineDashboard("dashboard", new PipelineDashboardArgs(naming, config.region(),
                    List.of(training.pipelineName(), deploy.pipelineName()), projects, deploy.eventRuleName()));
            parameters.put("DashboardName", dashboard.dashboardName());
            parameters.put("DeployPipelineArn", deploy.pipelineArn());
        }
        if (tier.atLeast(Tier.ENTERPRISE)) {
            var security = new SecurityMonitoring("security", SecurityMonitoringArgs.of(naming, config.partition(),
                    config.region(), accountId, config.security(), training.keyArn(), tags)
                    .withPermissionsBoundary(boundary.orElseThrow()), ComponentResourceOptions.builder().build());
            parameters.put("LogGroupName", security.logGroupName());
            config.network().ifPresent(network -> {
                var networking = new PrivateNetworking("network", new PrivateNetworkingArgs(naming,
                        config.partition(), config.region(), accountId, deployConfig.environments().stream()
                        .map(TargetEnvironment::accountId).toList(), network, deploy.secretsKeyArn(), tags),
                        ComponentResourceOptions.builder().build());
                parameters.put("VpcEndpointIds", networking.vpcEndpointIdsJoined());
                parameters.put("SecurityGroupId", networking.securityGroupId());
            });
        }
        parameters.forEach((title, value) -> new Parameter("parameter-" + title, ParameterArgs.builder()
                .name(naming.parameterPath(title))
                .type("String")
                .description(title + " of " + naming.productName())
                .value(value)
                .tags(tags.asMap())
                .build()));

        ctx.export(ToolingOutputNames.PRODUCT_NAME, Output.of(naming.productName()));
        ctx.export(ToolingOutputNames.PARTITION, Output.of(config.partition()));
        ctx.export(ToolingOutputNames.TOOLING_ACCOUNT_ID, Output.of(accountId));
        ctx.export(ToolingOutputNames.REGION, Output.of(config.region()));
        ctx.export(ToolingOutputNames.KMS_KEY_ARN, training.keyArn());
        ctx.export(ToolingOutputNames.MODEL_BUCKET_NAME, training.bucketName());
        ctx.export(ToolingOutputNames.MODEL_BUCKET_ARN, training.bucketArn());
        ctx.export(ToolingOutputNames.MODEL_PACKAGE_GROUP_NAME, training.modelPackageGroupName());
        ctx.export(ToolingOutputNames.MODEL_PACKAGE_GROUP_ARN, training.modelPackageGroupArn());
        ctx.export(ToolingOutputNames.ENVIRONMENTS, Output.all(environments.entrySet().stream()
                        .map(e -> e.getValue().applyValue(v -> Map.entry(e.getKey(), v))).toList())
                .applyValue(entries -> {
                    Map<String, Object> all = new LinkedHashMap<>();
                    entries.forEach(entry -> all.put(entry.getKey(), entry.getValue()));
                    return all;
                }));
        ctx.export("trainingPipelineName", training.pipelineName());
        ctx.export("repositoryUrl", training.repositoryUrl());
        ctx.export("deployPipelineName", deploy.pipelineName());
        ctx.export("stateBackendUrl", deploy.backendUrl());
        ctx.export("secretsProvider", deploy.secretsProvider());
    }
}
