package com.sagemakermlops.components.training;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.codebuild.Project;
import com.pulumi.aws.codebuild.ProjectArgs;
import com.pulumi.aws.codepipeline.Pipeline;
import com.pulumi.aws.codepipeline.PipelineArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineStageArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.ProductParameter;
import com.sagemakermlops.components.build.PipelineBuilds;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.BuildPolicyAttachments;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.source.PipelineSource;
import com.sagemakermlops.components.source.SeedCodeSource;
import com.sagemakermlops.components.source.SeedCodeSourceArgs;
import com.sagemakermlops.components.source.SeedCodeSources;
import com.sagemakermlops.components.storage.ArtifactStores;
import com.sagemakermlops.components.store.Grantee;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.components.store.StoreAccess;
import com.sagemakermlops.components.trigger.PipelineStartRule;
import com.sagemakermlops.naming.Naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;

/**
 * The training side of the product: the model-build source, the training CodeBuild project and the V2 CodePipeline
 * Source → Train, the SageMaker execution, training build and pipeline roles (each granted the store's bucket and
 * key once, see {@link RolePermissions#storeAccess}), and the SSM parameters of the tier. Key, bucket and registry
 * are the {@link ModelStoreRef}'s.
 */
public final class TrainingPipeline extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:training:TrainingPipeline";
    /**
     * The training build waits for the SageMaker pipeline it starts (the model-build seed waits up to two hours,
     * PIPELINE_TIMEOUT_SECONDS): CodeBuild's default of one hour would stop it first.
     */
    static final int BUILD_TIMEOUT_MINUTES = 150;
    static final String SEED_FOLDER = "model-build";

    /** The three roles of the training side. */
    private record TrainingRoles(Role sagemaker, Role build, Role pipeline) {
    }

    private final Output<String> repositoryUrl;
    private final Output<String> pipelineName;
    private final Output<String> buildProjectName;
    private final Output<String> pipelineArn;
    private final Output<String> sagemakerRoleArn;

    public TrainingPipeline(String name, TrainingPipelineArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        ModelStoreRef store = args.store();
        TrainingNames names = TrainingNames.of(args.product().naming(), store.registryName());
        Arns arns = args.product().scope().arns();
        TrainingRoles roles = roles(name, args.product(), names);
        Output<String> logGroupArn = arns.regional("logs", "log-group:" + names.buildLogGroup());
        RolePermissions.StoreAccesses access = grantStore(store, names, roles, arns.service("logs"), logGroupArn);

        SeedCodeSource seed = SeedCodeSources.create(name + "-source", new SeedCodeSourceArgs(SEED_FOLDER,
                args.source(), args.training().seedCodePath(), store, args.product(), Map.of()), child());
        PipelineSource source = seed.source();
        LogGroup logGroup = new LogGroup(name + "-build-logs", LogGroupArgs.builder()
                .name(names.buildLogGroup())
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(store.keyArn())
                .tags(args.product().tags().asMap())
                .build(), child());

        RolePolicy sagemakerPermissions = Roles.permissions(name + "-sagemaker-permissions", roles.sagemaker(),
                RolePermissions.sagemaker(arns, names, access.sagemaker(), args.training().devEnvironment()), child());
        Project project = buildProject(name, args, names, source, roles, access.build(), logGroup);
        Pipeline pipeline = pipeline(name, args, names, source, roles.pipeline(), access.pipeline(), project,
                sagemakerPermissions);
        seed.changeEvents().ifPresent(pattern -> new PipelineStartRule(name + "-source-change",
                new PipelineStartRule.Args("Starts " + names.pipeline() + " when its source changes", pattern,
                        pipeline.arn(), names.startRule(), names.startRole(), args.product()),
                ComponentResourceOptions.builder().parent(this).build()));

        this.repositoryUrl = source.location();
        this.pipelineName = pipeline.name();
        this.buildProjectName = project.name();
        this.pipelineArn = pipeline.arn();
        this.sagemakerRoleArn = roles.sagemaker().arn();
        publishParameters(name, args, store);
        registerOutputs(Map.of("repositoryUrl", repositoryUrl, "pipelineArn", pipelineArn,
                "sagemakerRoleArn", sagemakerRoleArn, "codeBuildRoleArn", roles.build().arn()));
    }

    /** The folder the build and the SageMaker pipeline write model artifacts to: the store's model artifacts folder. */
    public static String modelArtifactsPrefix(Naming naming) {
        return TrainingNames.pipelineDataPrefix(naming);
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    private TrainingRoles roles(String name, ProductContext product, TrainingNames names) {
        Arns arns = product.scope().arns();
        Output<String> account = arns.account();
        // SageMaker assumes its role for this account's pipeline executions, processing and training jobs.
        return new TrainingRoles(
                role(name + "-sagemaker", names.sagemakerRole(),
                        ServiceTrust.SAGEMAKER.trust(account, arns.regional("sagemaker", "*")), product),
                role(name + "-build", names.buildRole(), ServiceTrust.CODEBUILD.trust(account,
                        arns.regional("codebuild", "project/" + names.buildProject())), product),
                role(name + "-pipeline", names.pipelineRole(), ServiceTrust.CODEPIPELINE.trust(account,
                        arns.regional("codepipeline", names.pipeline())), product));
    }

    /** {@code <duty>-role}, described by its duty. */
    private Role role(String duty, String roleName, ServiceTrust.Trust trust, ProductContext product) {
        return Roles.create(duty + "-role", new Roles.Spec(roleName, Roles.oneDuty(duty, roleName), trust,
                product.permissionsBoundary(), product.tags()), child());
    }

    /** Each training role's access to the store; CloudWatch Logs encrypts the build's log group with the key. */
    private static RolePermissions.StoreAccesses grantStore(ModelStoreRef store, TrainingNames names,
                                                            TrainingRoles roles, String logsService,
                                                            Output<String> logGroupArn) {
        RolePermissions.StoreAccesses access = RolePermissions.storeAccess(store, names,
                Grantee.role("SageMakerExecutionRole", roles.sagemaker().arn()),
                Grantee.role("TrainingBuildRole", roles.build().arn()),
                Grantee.role("TrainingPipelineRole", roles.pipeline().arn()));
        store.keyGrants().add(List.of(Statement.logsEncryption("KeyUseByCloudWatchLogsForBuildLogs", logsService,
                logGroupArn)));
        return access;
    }

    private Project buildProject(String name, TrainingPipelineArgs args, TrainingNames names, PipelineSource source,
                                 TrainingRoles roles, StoreAccess storeAccess, LogGroup logGroup) {
        Arns arns = args.product().scope().arns();
        List<Statement> statements = new ArrayList<>(RolePermissions.build(arns, names, storeAccess,
                logGroup.arn(), args.training().devEnvironment()));
        statements.addAll(source.build().access());
        List<Resource> permissions = new ArrayList<>();
        permissions.add(Roles.permissions(name + "-build-permissions", roles.build(), statements, child()));
        permissions.addAll(BuildPolicyAttachments.attach(name + "-build-policy", "training-build",
                args.training().buildPolicies(), roles.build(), args.product().naming(), args.product().tags(),
                child()));

        Map<String, Output<String>> environment = new LinkedHashMap<>(BuildEnvironment.variables(names,
                args.training(), args.product().naming().productName(), args.store(), roles.sagemaker().arn()));
        environment.putAll(source.build().variables());
        var variables = environment.entrySet().stream()
                .map(e -> PipelineBuilds.plaintext(e.getKey(), e.getValue()))
                .toList();
        ProjectArgs.Builder project = ProjectArgs.builder()
                .name(names.buildProject())
                .description("Builds and registers model versions of " + args.product().naming().productName())
                .serviceRole(roles.build().arn())
                .encryptionKey(args.store().keyArn())
                .source(PipelineBuilds.source(source.build().buildspec()))
                .artifacts(PipelineBuilds.artifacts())
                .environment(PipelineBuilds.environment(Output.of(variables)).build())
                .logsConfig(PipelineBuilds.cloudWatchLogs(logGroup.name()))
                .buildTimeout(BUILD_TIMEOUT_MINUTES)
                .tags(args.product().tags().asMap());
        args.training().devEnvironment().ifPresent(vpc -> project.vpcConfig(PipelineBuilds.vpcConfig(vpc)));
        return new Project(name + "-build", project.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(permissions).build());
    }

    private Pipeline pipeline(String name, TrainingPipelineArgs args, TrainingNames names, PipelineSource source,
                              Role role, StoreAccess storeAccess, Project project, RolePolicy sagemakerPermissions) {
        RolePolicy permissions = Roles.permissions(name + "-pipeline-permissions", role,
                RolePermissions.pipeline(storeAccess, project.arn(), source), child());
        return new Pipeline(name + "-pipeline", source.triggering(PipelineArgs.builder())
                .name(names.pipeline())
                .pipelineType("V2")
                .executionMode("QUEUED")
                .roleArn(role.arn())
                .artifactStores(ArtifactStores.encrypted(args.store().bucketName(), args.store().keyArn()))
                .stages(stages(source.action(), project.name()))
                .tags(args.product().tags().asMap())
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(permissions, sagemakerPermissions).build());
    }

    private void publishParameters(String name, TrainingPipelineArgs args, ModelStoreRef store) {
        for (TrainingParameters.Parameter parameter : TrainingParameters.forTier(args.product().tier())) {
            ProductParameter.create(name, parameter.title(), valueOf(parameter, store), args.product(),
                    Optional.empty(), child());
        }
    }

    /** Source → Train. */
    static List<PipelineStageArgs> stages(PipelineStageActionArgs sourceAction, Output<String> projectName) {
        return List.of(
                PipelineStageArgs.builder().name("Source").actions(sourceAction).build(),
                PipelineStageArgs.builder().name("Train").actions(PipelineStageActionArgs.builder()
                        .name("BuildAndRegisterModel")
                        .category("Build")
                        .owner("AWS")
                        .provider("CodeBuild")
                        .version("1")
                        .runOrder(1)
                        .inputArtifacts(PipelineSource.OUTPUT_ARTIFACT)
                        .configuration(projectName.applyValue(project -> Map.of("ProjectName", project)))
                        .build()).build());
    }

    private Output<String> valueOf(TrainingParameters.Parameter parameter, ModelStoreRef store) {
        return switch (parameter) {
            case MODEL_PACKAGE_GROUP_ARN -> store.registryArn();
            case REPOSITORY_URL -> repositoryUrl;
            case SAGEMAKER_ROLE_ARN -> sagemakerRoleArn;
            case BUCKET_NAME -> store.bucketName();
            case BUILD_PIPELINE_ARN -> pipelineArn;
            case KMS_KEY_ARN -> store.keyArn();
        };
    }

    /** Clone URL, {@code s3://} URI or provider repository id of the model-build code. */
    public Output<String> repositoryUrl() {
        return repositoryUrl;
    }

    public Output<String> pipelineName() {
        return pipelineName;
    }

    public Output<String> buildProjectName() {
        return buildProjectName;
    }

    public Output<String> pipelineArn() {
        return pipelineArn;
    }
}
