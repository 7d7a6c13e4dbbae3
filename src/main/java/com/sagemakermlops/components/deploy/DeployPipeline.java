package com.sagemakermlops.components.deploy;

import com.google.gson.Gson;
import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentEnvironmentVariableArgs;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.sagemakermlops.components.ProductParameter;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.build.PipelineBuilds;
import com.sagemakermlops.components.hosting.monitoring.MonitoringPermissions;
import com.sagemakermlops.components.iam.BuildPolicyAttachments;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.source.PipelineSource;
import com.sagemakermlops.components.source.SeedCodeSourceArgs;
import com.sagemakermlops.components.source.SeedCodeSources;
import com.sagemakermlops.components.storage.ArtifactStores;
import com.sagemakermlops.components.trigger.PipelineStartRule;
import com.sagemakermlops.config.BuildPolicy;
import com.sagemakermlops.config.PulumiCloudBackend;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.config.TargetEnvironment.Stage;
import com.sagemakermlops.config.VpcSettings;
import com.sagemakermlops.naming.PhysicalName;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pipeline that promotes approved model versions: Source, then one CodeBuild deploy per configured target
 * environment (DeployPreProd, a ManualApproval before prod when enabled, DeployProd). Each deploy build runs
 * {@code pulumi up} of the stage's hosting stack against a self-managed backend in this account (a KMS-encrypted,
 * versioned state bucket and an {@code awskms://} secrets key), through a role that may only assume that stage's
 * deploy role, read the model registry and use that backend.
 *
 * <p>On Professional and up with {@code enableEventBridgeTrigger}, an EventBridge rule starts the pipeline when a
 * version of the model package group becomes Approved. Without it (Starter, or the trigger disabled) there is no
 * rule: the pipeline runs on changes to the deploy repository or when started by hand, and each run deploys the
 * newest Approved version, which the deploy buildspec looks up in the registry.
 */
public final class DeployPipeline extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:deploy:DeployPipeline";
    static final String SEED_FOLDER = "model-deploy";
    static final String SECRETS_PROVIDER_REASON = "PULUMI_SECRETS_PROVIDER holds the awskms URL naming the "
            + "secrets key ARN: no secret value";
    static final String CLOUD_SECRETS_PROVIDER_REASON = "PULUMI_SECRETS_PROVIDER holds \"" + PulumiCloudBackend.SECRETS_PROVIDER
            + "\", Pulumi Cloud's own secrets provider: no secret value";

    private final Output<String> pipelineName;
    private final Output<String> pipelineArn;
    private final Map<Stage, Output<String>> codeBuildRoleArns = new EnumMap<>(Stage.class);
    private final Map<Stage, Output<String>> projectNames = new EnumMap<>(Stage.class);
    private final Optional<Output<String>> stateBucketName;
    private final Optional<Output<String>> secretsKeyArn;
    private final Output<String> secretsProvider;
    private final Output<String> backendUrl;
    private final Optional<Output<String>> eventRuleArn;
    private final Optional<Output<String>> eventRuleName;

    public DeployPipeline(String name, DeployPipelineArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        List<TargetEnvironment> environments = args.deploy().environments();
        PipelineSource source = source(name, args);
        Map<Stage, Role> buildRoles = new EnumMap<>(Stage.class);
        environments.forEach(env -> buildRoles.put(env.stage(), buildRole(name, args, env.stage())));
        Optional<PulumiCloudBackend> cloud = args.deploy().pulumiCloud();
        Optional<StateBackend> state = cloud.isPresent() ? Optional.empty() : Optional.of(stateBackend(name, args,
                buildRoles.values().stream().map(Role::arn).toList()));
        this.stateBucketName = state.map(StateBackend::bucketName);
        this.secretsKeyArn = state.map(StateBackend::secretsKeyArn);
        this.backendUrl = state.map(s -> s.bucketName().applyValue(bucket -> StateBackend.backendUrl(bucket,
                args.product().scope().region()))).orElseGet(() -> Output.of(cloud.orElseThrow().url()));
        this.secretsProvider = state.map(s -> s.secretsKeyArn().applyValue(arn -> StateBackend.secretsProvider(arn,
                args.product().scope().region()))).orElseGet(() -> Output.of(PulumiCloudBackend.SECRETS_PROVIDER));

        Map<Stage, Project> projects = new EnumMap<>(Stage.class);
        for (TargetEnvironment env : environments) {
            Role role = buildRoles.get(env.stage());
            projects.put(env.stage(), deployProject(name, args, source, env, role, state));
            codeBuildRoleArns.put(env.stage(), role.arn());
            projectNames.put(env.stage(), projects.get(env.stage()).name());
        }
        Pipeline pipeline = pipeline(name, args, source, projects);
        this.pipelineName = pipeline.name();
        this.pipelineArn = pipeline.arn();
        Optional<PipelineStartRule> trigger = args.triggersOnApproval()
                ? Optional.of(approvalTrigger(name, args, pipeline))
                : Optional.empty();
        this.eventRuleArn = trigger.map(PipelineStartRule::ruleArn);
        this.eventRuleName = trigger.map(PipelineStartRule::ruleName);
        if (args.product().tier().atLeast(Tier.PROFESSIONAL)) {
            ProductParameter.create(name, "DeployPipelineArn", pipelineArn, args.product(),
                    ProductParameter.describedAs("DeployPipelineArn", args.product()), child());
        }
        registerOutputs(outputs());
    }

    /** The deploy repository, seeded with the deploy code and this program. */
    private PipelineSource source(String name, DeployPipelineArgs args) {
        return SeedCodeSources.create(name + "-source", new SeedCodeSourceArgs(SEED_FOLDER, args.source(),
                args.deploy().seedCodePath(), args.store(), args.product(), args.sourceAdditions()), child())
                .source();
    }

    /** The state bucket and secrets key; the operators' use of the product key for the state objects. */
    private StateBackend stateBackend(String name, DeployPipelineArgs args, List<Output<String>> buildRoleArns) {
        List<String> operators = args.deploy().operatorRoleArns();
        args.store().keyGrants().add(Operators.productKeyForState(operators, args.product().scope().arns(),
                args.product().naming()));
        return new StateBackend(name + "-backend", args.product().naming(), args.product().tags(), args.scope(), buildRoleArns, operators,
                ComponentResourceOptions.builder().parent(this).build());
    }

    private Pipeline pipeline(String name, DeployPipelineArgs args, PipelineSource source,
                              Map<Stage, Project> projects) {
        var scope = args.scope();
        var pipelineRole = Roles.create(name + "-pipeline-role", new Roles.Spec(
                args.product().naming().physical(PhysicalName.IAM_ROLE, "deploy-pipeline"),
                "Runs the deploy pipeline: its source, its deploy builds, its artifacts",
                ServiceTrust.CODEPIPELINE.trust(scope.accountId(), scope.arn("codepipeline", args.pipelineName())),
                args.product().permissionsBoundary(), args.product().tags()), child());
        var pipelineAccess = Roles.permissions(name + "-pipeline-permissions", pipelineRole,
                DeployPolicies.pipelineRole(scope, source, projects.values().stream().map(Project::arn).toList()),
                child());
        return new Pipeline(name + "-pipeline", source.triggering(PipelineArgs.builder())
                .name(args.pipelineName())
                .pipelineType("V2")
                .roleArn(pipelineRole.arn())
                .artifactStores(ArtifactStores.encrypted(args.store().bucketName(), args.store().keyArn()))
                .stages(DeployStages.plan(args.deploy()).stream()
                        .map(stage -> PipelineStageArgs.builder()
                                .name(stage.name())
                                .actions(action(stage.action(), args, source, projects))
                                .build())
                        .toList())
                .tags(args.product().tags().asMap())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(pipelineAccess).build());
    }

    private PipelineStartRule approvalTrigger(String name, DeployPipelineArgs args, Pipeline pipeline) {
        return new PipelineStartRule(name + "-trigger", new PipelineStartRule.Args(
                "Starts the deploy pipeline when a model package version is Approved",
                args.store().createdRegistryName().applyValue(DeployPipeline::approvalPattern), pipeline.arn(),
                args.product().naming().physical(PhysicalName.EVENT_RULE, "model-approved"),
                args.product().naming().physical(PhysicalName.IAM_ROLE, "deploy-trigger"), args.product()),
                ComponentResourceOptions.builder().parent(this).build());
    }

    private Map<String, Output<?>> outputs() {
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("pipelineName", pipelineName);
        outputs.put("pipelineArn", pipelineArn);
        codeBuildRoleArns.forEach((stage, arn) -> outputs.put(stage.id() + "CodeBuildRoleArn", arn));
        stateBucketName.ifPresent(bucket -> outputs.put("stateBucketName", bucket));
        secretsKeyArn.ifPresent(arn -> outputs.put("secretsKeyArn", arn));
        outputs.put("secretsProvider", secretsProvider);
        outputs.put("backendUrl", backendUrl);
        eventRuleArn.ifPresent(arn -> outputs.put("eventRuleArn", arn));
        return outputs;
    }

    /** The approval trigger's pattern: this group's packages whose approval status changed to Approved. */
    static String approvalPattern(String modelPackageGroupName) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("ModelPackageGroupName", List.of(modelPackageGroupName));
        detail.put("ModelApprovalStatus", List.of("Approved"));
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("source", List.of("aws.sagemaker"));
        pattern.put("detail-type", List.of("SageMaker Model Package State Change"));
        pattern.put("detail", detail);
        return new Gson().toJson(pattern);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private Role buildRole(String name, DeployPipelineArgs args, Stage stage) {
        String projectName = DeployBuild.projectName(args.product().naming(), stage);
        return Roles.create(name + "-build-" + stage.id() + "-role", new Roles.Spec(
                args.product().naming().physical(PhysicalName.IAM_ROLE, "deploy-build-" + stage.id()),
                "Deploy build of " + stage.id() + ": assumes the " + stage.id() + " deploy role only",
                ServiceTrust.CODEBUILD.trust(args.scope().accountId(), args.scope().arn("codebuild",
                        "project/" + projectName)), args.product().permissionsBoundary(), args.product().tags()), child());
    }

    private Project deployProject(String name, DeployPipelineArgs args, PipelineSource source, TargetEnvironment env,
                                  Role role, Optional<StateBackend> state) {
        String projectName = DeployBuild.projectName(args.product().naming(), env.stage());
        String deployRoleArn = DeployRoles.deployRoleArn(args.product().scope().partition(), args.product().naming(), env);
        Optional<VpcSettings> vpc = args.deploy().devEnvironment();
        List<Statement> statements = new ArrayList<>(DeployPolicies.buildRole(args.scope(),
                new DeployPolicies.Backend(state.map(s -> new DeployPolicies.State(s.bucketArn(), s.secretsKeyArn())),
                        args.deploy().pulumiCloud().map(PulumiCloudBackend::accessTokenSecretArn)),
                deployRoleArn, projectName, vpc, args.deploy().pipelineBucketName()));
        statements.addAll(source.build().access());
        if (args.deploy().enableDataCapture()) {
            statements.add(MonitoringPermissions.captureListing(env.stage(), args.store().bucketArn()));
        }
        String prefix = name + "-build-" + env.stage().id();
        var access = Roles.permissions(prefix + "-permissions", role, statements, child());
        List<Resource> permissions = new ArrayList<>(List.of(access));
        permissions.addAll(BuildPolicyAttachments.attach(prefix + "-extra", "deploy-build-" + env.stage().id(),
                args.deploy().buildPolicies(), role, args.product().naming(), args.product().tags(), child()));
        Tags tags = args.product().tags().withSuppressions(List.of(
                new BuildPolicy.Suppression("codebuild-no-plaintext-credentials",
                        state.isPresent() ? SECRETS_PROVIDER_REASON : CLOUD_SECRETS_PROVIDER_REASON)));
        return new Project(name + "-" + env.stage().id(), ProjectArgs.builder()
                .name(projectName)
                .description("Deploys the newest Approved model package to " + env.stage().id()
                        + " (account " + env.accountId() + ", " + env.region() + ")")
                .serviceRole(role.arn())
                .encryptionKey(args.store().keyArn())
                .buildTimeout(DeployBuild.TIMEOUT_MINUTES)
                .source(PipelineBuilds.source(source.build().buildspec()))
                .artifacts(PipelineBuilds.artifacts())
                .environment(PipelineBuilds.environment(variables(args, source, env, deployRoleArn))
                        .computeType(DeployBuild.COMPUTE_TYPE).privilegedMode(false).build())
                .logsConfig(PipelineBuilds.cloudWatchLogs(Output.of(DeployBuild.logGroupName(projectName))))
                .vpcConfig(vpc.map(v -> Output.of(PipelineBuilds.vpcConfig(v))).orElse(null))
                .tags(tags.asMap())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(permissions).build());
    }

    /** The deploy build's variables; all secret when the stage's external ID is. */
    private Output<List<ProjectEnvironmentEnvironmentVariableArgs>> variables(DeployPipelineArgs args,
                                                                             PipelineSource source,
                                                                             TargetEnvironment env,
                                                                             String deployRoleArn) {
        Output<List<ProjectEnvironmentEnvironmentVariableArgs>> variables = Output.tuple(
                        args.store().createdRegistryName(), backendUrl, secretsProvider)
                .applyValue(t -> {
                    Map<String, Output<String>> all = new LinkedHashMap<>();
                    DeployBuild.variables(env, deployRoleArn, DeployRoles.externalId(env, args.product().naming()), t.t1, t.t2,
                                    t.t3)
                            .forEach((key, value) -> all.put(key, Output.of(value)));
                    all.putAll(source.build().variables());
                    return Stream.concat(all.entrySet().stream()
                                    .map(e -> PipelineBuilds.plaintext(e.getKey(), e.getValue())),
                            args.deploy().pulumiCloud().stream().map(c -> PipelineBuilds.fromSecretsManager(
                                    DeployBuild.ACCESS_TOKEN_VARIABLE, c.accessTokenSecretArn())))
                            .toList();
                });
        // the external ID is one of the build's variables: all of them are kept secret with it
        return env.externalIdSecret() ? variables.asSecret() : variables;
    }

    private static PipelineStageActionArgs action(DeployStages.Action action, DeployPipelineArgs args,
                                                  PipelineSource source, Map<Stage, Project> projects) {
        Stage target = action.target().orElse(null);
        return switch (action.kind()) {
            case SOURCE -> source.action();
            case DEPLOY -> awsAction(action, "Build", "CodeBuild")
                    .inputArtifacts(PipelineSource.OUTPUT_ARTIFACT)
                    .configuration(projects.get(target).name().applyValue(project -> Map.of("ProjectName", project)))
                    .build();
            case APPROVAL -> awsAction(action, "Approval", "Manual")
                    .configuration(args.store().createdRegistryName().applyValue(group -> Map.of("CustomData",
                            "Approve deploying the newest Approved version of model package group " + group
                                    + " to " + target.id())))
                    .build();
        };
    }

    private static PipelineStageActionArgs.Builder awsAction(DeployStages.Action action, String category,
                                                             String provider) {
        return PipelineStageActionArgs.builder()
                .name(action.name())
                .category(category)
                .owner("AWS")
                .provider(provider)
                .version("1")
                .runOrder(1);
    }

    public Output<String> pipelineName() {
        return pipelineName;
    }

    public Output<String> pipelineArn() {
        return pipelineArn;
    }

    /** The role of each configured stage's deploy build: the principal that stage's deploy role trusts. */
    public Map<Stage, Output<String>> codeBuildRoleArns() {
        return Collections.unmodifiableMap(new EnumMap<>(codeBuildRoleArns));
    }

    /** The deploy build project of each configured stage. */
    public Map<Stage, Output<String>> projectNames() {
        return Collections.unmodifiableMap(new EnumMap<>(projectNames));
    }

    /** The state bucket of the self-managed backend; empty with Pulumi Cloud. */
    public Optional<Output<String>> stateBucketName() {
        return stateBucketName;
    }

    /** The {@code awskms://} secrets key of the self-managed backend; empty with Pulumi Cloud. */
    public Optional<Output<String>> secretsKeyArn() {
        return secretsKeyArn;
    }

    /** {@code awskms:///<secrets key ARN>?region=<region>}. */
    public Output<String> secretsProvider() {
        return secretsProvider;
    }

    /** {@code s3://<state bucket>?region=<region>&awssdk=v2}. */
    public Output<String> backendUrl() {
        return backendUrl;
    }

    /** The model approval rule, on Professional and up with the trigger enabled. */
    public Optional<Output<String>> eventRuleArn() {
        return eventRuleArn;
    }

    public Optional<Output<String>> eventRuleName() {
        return eventRuleName;
    }
}
