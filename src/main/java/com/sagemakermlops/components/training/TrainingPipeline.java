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
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sagemaker.ModelPackageGroup;
import com.pulumi.aws.sagemaker.ModelPackageGroupArgs;
import com.pulumi.aws.sagemaker.ModelPackageGroupPolicy;
import com.pulumi.aws.sagemaker.ModelPackageGroupPolicyArgs;
import com.pulumi.aws.ssm.Parameter;
import com.pulumi.aws.ssm.ParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.sagemakermlops.components.build.PipelineBuilds;
import com.sagemakermlops.components.iam.Roles;
import com.sagemakermlops.components.iam.ServiceTrust;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.BuildPolicyAttachments;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.source.PipelineSource;
import com.sagemakermlops.components.source.SeedCodeSource;
import com.sagemakermlops.components.source.SeedCodeSourceArgs;
import com.sagemakermlops.components.source.SeedCodeSources;
import com.sagemakermlops.components.source.SourceBuild;
import com.sagemakermlops.components.storage.ArtifactStores;
import com.sagemakermlops.components.trigger.PipelineStartRule;
import com.sagemakermlops.config.SourceControl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * The training side of the product: CMK (+ alias), model bucket, model registry (+ cross-account policy), the
 * model-build source, the training CodeBuild project and the V2 CodePipeline Source → Train, the SageMaker execution,
 * training build and pipeline roles, and the SSM parameters of the tier.
 */
public final class TrainingPipeline extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:training:TrainingPipeline";
    /**
     * The training build waits for the SageMaker pipeline it starts (the model-build seed waits up to two hours,
     * PIPELINE_TIMEOUT_SECONDS): CodeBuild's default of one hour would stop it first.
     */
    static final int BUILD_TIMEOUT_MINUTES = 150;
    static final String SEED_FOLDER = "model-build";

    private final Output<String> keyArn;
    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> modelArtifactsArn;
    private final Output<String> modelPackageGroupName;
    private final Output<String> modelPackageGroupArn;
    private final Output<String> repositoryUrl;
    private final Output<String> pipelineName;
    private final Output<String> buildProjectName;
    private final Output<String> pipelineArn;
    private final Output<String> sagemakerRoleArn;

    public TrainingPipeline(String name, TrainingPipelineArgs args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        TrainingNames names = TrainingNames.of(args.naming(), args.deploy());
        Arns arns = new Arns(args.partition(), args.region(), args.accountId());
        Map<String, String> tags = args.tags().asMap();

        // SageMaker assumes its role for this account's pipeline executions, processing and training jobs.
        Role sagemakerRole = ServiceRoles.role(name + "-sagemaker", names.sagemakerRole(),
                ServiceTrust.SAGEMAKER.trust(args.accountId(), arns.regional("sagemaker", "*")), args.tags(),
                args.permissionsBoundary(), child);
        Role buildRole = ServiceRoles.role(name + "-build", names.buildRole(),
                ServiceTrust.CODEBUILD.trust(args.accountId(), arns.regional("codebuild",
                        "project/" + names.buildProject())), args.tags(), args.permissionsBoundary(), child);
        Role pipelineRole = ServiceRoles.role(name + "-pipeline", names.pipelineRole(),
                ServiceTrust.CODEPIPELINE.trust(args.accountId(), arns.regional("codepipeline", names.pipeline())),
                args.tags(), args.permissionsBoundary(), child);

        Output<String> logGroupArn = arns.regional("logs", "log-group:" + names.buildLogGroup());
        var targets = args.targetAccounts();
        boolean dataCapture = args.deploy().enableDataCapture();
        Key key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the models, artifacts, source and logs of " + args.naming().productName())
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(PolicyDocument.of(withGrants(KeyPolicy.statements(arns, new KeyPolicy.Principals(
                        sagemakerRole.arn(), buildRole.arn(), pipelineRole.arn(), logGroupArn), targets.values(),
                        dataCapture), args.keyGrants())))
                .tags(tags)
                .build(), child);
        new Alias(name + "-key", AliasArgs.builder()
                .name(names.keyAlias())
                .targetKeyId(key.keyId())
                .build(), child);

        ModelBucket bucket = ModelBucket.create(name + "-models", new ModelBucket.Args(names.bucket(), key.arn(),
                args.sourceControl() == SourceControl.S3, args.tags()),
                bucketArn -> ModelBucketPolicy.statements(arns, bucketArn, names.pipelineDataPrefix(), targets,
                        dataCapture), child);

        ModelPackageGroup registry = new ModelPackageGroup(name + "-registry", ModelPackageGroupArgs.builder()
                .modelPackageGroupName(names.modelPackageGroup())
                .modelPackageGroupDescription("Model versions of " + args.naming().productName())
                .tags(tags)
                .build(), child);
        if (!targets.isEmpty()) {
            new ModelPackageGroupPolicy(name + "-registry", ModelPackageGroupPolicyArgs.builder()
                    .modelPackageGroupName(registry.modelPackageGroupName())
                    .resourcePolicy(PolicyDocument.of(RegistryPolicy.statements(arns, names.modelPackageGroup(),
                            targets.values())))
                    .build(), child);
        }

        SeedCodeSource seed = SeedCodeSources.create(name + "-source", new SeedCodeSourceArgs(SEED_FOLDER,
                args.sourceControl(), args.training().seedCodePath(), bucket.name(), bucket.arn(), key.arn(),
                args.codeStarConnection(), args.naming(), args.tags(), arns, args.permissionsBoundary()), child);
        PipelineSource source = seed.source();

        LogGroup logGroup = new LogGroup(name + "-build", LogGroupArgs.builder()
                .name(names.buildLogGroup())
                .retentionInDays(args.logRetentionDays())
                .kmsKeyId(key.arn())
                .tags(tags)
                .build(), child);

        RolePolicy sagemakerPermissions = Roles.permissions(name + "-sagemaker", sagemakerRole,
                RolePermissions.sagemaker(arns, names, bucket.arn(), args.training().devEnvironment()), child);
        List<Resource> buildPermissions = new ArrayList<>();
        List<Statement> buildStatements = new ArrayList<>(RolePermissions.build(arns, names, bucket.arn(),
                logGroup.arn(), args.training().devEnvironment()));
        buildStatements.addAll(source.build().access());
        buildPermissions.add(Roles.permissions(name + "-build", buildRole, buildStatements, child));
        buildPermissions.addAll(BuildPolicyAttachments.attach(name + "-build-policy", "training-build",
                args.training().buildPolicies(), buildRole, args.naming(), args.tags(), child));

        Project project = buildProject(name, args, names, source.build(), buildRole, logGroup,
                new BuildEnvironment.Produced(bucket.name(), sagemakerRole.arn(), key.arn()),
                CustomResourceOptions.builder().parent(this).dependsOn(buildPermissions).build());

        RolePolicy pipelinePermissions = Roles.permissions(name + "-pipeline", pipelineRole,
                RolePermissions.pipeline(names, bucket.arn(), project.arn(), source), child);
        Pipeline pipeline = new Pipeline(name, source.triggering(PipelineArgs.builder())
                .name(names.pipeline())
                .pipelineType("V2")
                .executionMode("QUEUED")
                .roleArn(pipelineRole.arn())
                .artifactStores(ArtifactStores.encrypted(bucket.name(), key.arn()))
                .stages(stages(source.action(), project.name()))
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(pipelinePermissions, sagemakerPermissions).build());

        seed.changeEvents().ifPresent(pattern -> PipelineStartRule.create(name + "-source-change",
                new PipelineStartRule.Args("Starts " + names.pipeline() + " when its source changes", pattern,
                        pipeline.arn(), names.startRule(), names.startRole(), args.tags(),
                        args.permissionsBoundary(), args.accountId()), child));

        this.keyArn = key.arn();
        this.bucketName = bucket.name();
        this.bucketArn = bucket.arn();
        this.modelArtifactsArn = ModelBucketPolicy.objects(bucket.arn(), names.pipelineDataPrefix() + "/");
        this.modelPackageGroupName = registry.modelPackageGroupName();
        this.modelPackageGroupArn = registry.arn();
        this.repositoryUrl = source.location();
        this.pipelineName = pipeline.name();
        this.buildProjectName = project.name();
        this.pipelineArn = pipeline.arn();
        this.sagemakerRoleArn = sagemakerRole.arn();

        for (TrainingParameters.Parameter parameter : TrainingParameters.forTier(args.tier())) {
            new Parameter(name + "-" + parameter.title(), ParameterArgs.builder()
                    .name(args.naming().parameterPath(parameter.title()))
                    .type("String")
                    .value(valueOf(parameter))
                    .tags(tags)
                    .build(), child);
        }
        registerOutputs(Map.of(
                "keyArn", keyArn, "bucketName", bucketName, "modelPackageGroupArn", modelPackageGroupArn,
                "repositoryUrl", repositoryUrl, "pipelineArn", pipelineArn, "sagemakerRoleArn", sagemakerRoleArn,
                "codeBuildRoleArn", buildRole.arn()));
    }

    private static List<Statement> withGrants(List<Statement> own, List<Statement> grants) {
        List<Statement> all = new ArrayList<>(own);
        all.addAll(grants);
        return all;
    }

    private static Project buildProject(String name, TrainingPipelineArgs args, TrainingNames names,
                                        SourceBuild source, Role role, LogGroup logGroup,
                                        BuildEnvironment.Produced produced, CustomResourceOptions options) {
        Map<String, Output<String>> environment = new LinkedHashMap<>(BuildEnvironment.variables(names,
                args.training(), args.naming().productName(), produced));
        environment.putAll(source.variables());
        var variables = environment.entrySet().stream()
                .map(e -> PipelineBuilds.plaintext(e.getKey(), e.getValue()))
                .toList();
        ProjectArgs.Builder project = ProjectArgs.builder()
                .name(names.buildProject())
                .description("Builds and registers model versions of " + args.naming().productName())
                .serviceRole(role.arn())
                .encryptionKey(produced.keyArn())
                .source(PipelineBuilds.source(source.buildspec()))
                .artifacts(PipelineBuilds.artifacts())
                .environment(PipelineBuilds.environment(Output.of(variables)).build())
                .logsConfig(PipelineBuilds.cloudWatchLogs(logGroup.name()))
                .buildTimeout(BUILD_TIMEOUT_MINUTES)
                .tags(args.tags().asMap());
        args.training().devEnvironment().ifPresent(vpc -> project.vpcConfig(PipelineBuilds.vpcConfig(vpc)));
        return new Project(name + "-build", project.build(), options);
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

    private Output<String> valueOf(TrainingParameters.Parameter parameter) {
        return switch (parameter) {
            case MODEL_PACKAGE_GROUP_ARN -> modelPackageGroupArn;
            case REPOSITORY_URL -> repositoryUrl;
            case SAGEMAKER_ROLE_ARN -> sagemakerRoleArn;
            case BUCKET_NAME -> bucketName;
            case BUILD_PIPELINE_ARN -> pipelineArn;
            case KMS_KEY_ARN -> keyArn;
        };
    }

    public Output<String> keyArn() {
        return keyArn;
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> bucketArn() {
        return bucketArn;
    }

    /** The objects of the SageMaker pipeline's folder: the model artifacts the stage accounts' endpoints read. */
    public Output<String> modelArtifactsArn() {
        return modelArtifactsArn;
    }

    public Output<String> modelPackageGroupName() {
        return modelPackageGroupName;
    }

    public Output<String> modelPackageGroupArn() {
        return modelPackageGroupArn;
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
