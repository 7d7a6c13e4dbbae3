package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.AssetOrArchive;
import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.config.CodeStarConnection;
import com.sagemakermlops.naming.PhysicalName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a pipeline's source from seed code, for each {@link com.sagemakermlops.config.SourceControl}:
 * <ul>
 *   <li>CODECOMMIT: the seed code, zipped into {@code s3://<bucket>/seed-code/<repo>.zip}, is the first commit of a
 *       CMK-encrypted repository on branch {@code main} ({@link SeededRepository}); the action does not poll,
 *       {@link SeedCodeSource#changeEvents()} is the push event to start the pipeline on.</li>
 *   <li>S3: the seed code is {@code s3://<bucket>/source/<repo>.zip} (the bucket is versioned, as S3 sources need);
 *       new versions of that object start the pipeline through the bucket's EventBridge notifications.</li>
 *   <li>CODESTAR: the connection's repository, whose {@code <folder>/buildspec.yml} the builds run from that folder; a
 *       V2 pipeline trigger starts the pipeline on pushes to the branch that change that folder only, so a push to the
 *       other pipeline's folder does not run this one. Additions, which the user's repository does not hold, are a
 *       versioned zip {@code s3://<bucket>/source-bundle/<repo>.zip} the builds unpack into the folder.</li>
 * </ul>
 * Used for the training ({@code model-build}) and deploy ({@code model-deploy}) pipelines. Every resource is created
 * with the options given (the caller's component as parent).
 */
public final class SeedCodeSources {
    static final String ROOT_BUILDSPEC = "buildspec.yml";
    static final String ROOT_FOLDER = ".";

    private SeedCodeSources() {
    }

    public static SeedCodeSource create(String name, SeedCodeSourceArgs args, CustomResourceOptions options) {
        return switch (args.source().control()) {
            case CODECOMMIT -> codeCommit(name, args, options);
            case S3 -> s3(name, args, options);
            case CODESTAR -> codeStar(name, args, options);
        };
    }

    /** The name of the repository (and of the S3 objects) holding {@code folder}'s code. */
    private static String repositoryName(SeedCodeSourceArgs args) {
        return args.product().naming().physical(PhysicalName.CODECOMMIT, args.folder());
    }

    private static SeedCodeSource codeCommit(String name, SeedCodeSourceArgs args, CustomResourceOptions options) {
        String repositoryName = repositoryName(args);
        String seedKey = "seed-code/" + repositoryName + ".zip";
        BucketObjectv2 seed = upload(name + "-seed", args, seedKey, seedArchive(args), options);
        SeededRepository.Created repository = SeededRepository.create(name, args, repositoryName, seedKey, seed,
                options);
        PipelineStageActionArgs action = action("CodeCommit",
                Output.of(SourceActions.codeCommit(repositoryName)));
        List<Statement> pipelineAccess = List.of(Statement.allow("ReadSourceRepository",
                        "codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetRepository",
                        "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus",
                        "codecommit:CancelUploadArchive")
                .on(repository.arn()));
        Output<String> changes = repository.arn()
                .applyValue(arn -> ChangeEvents.codeCommitBranchChanged(arn, SourceActions.BRANCH));
        return new SeedCodeSource(new PipelineSource(repository.cloneUrlHttp(), action, pipelineAccess,
                rootBuild(), Optional.empty()), Optional.of(changes));
    }

    private static SeedCodeSource s3(String name, SeedCodeSourceArgs args, CustomResourceOptions options) {
        String key = "source/" + repositoryName(args) + ".zip";
        BucketObjectv2 object = upload(name, args, key, seedArchive(args), options);
        PipelineStageActionArgs action = action("S3",
                object.bucket().applyValue(bucket -> SourceActions.s3(bucket, key)));
        List<Statement> pipelineAccess = List.of(
                Statement.allow("ReadSourceObject", "s3:GetObject", "s3:GetObjectVersion")
                        .on(objectArn(args, key)),
                Statement.allow("CheckSourceBucketVersioning", "s3:GetBucketVersioning").on(args.store().bucketArn()));
        Output<String> location = object.bucket().applyValue(bucket -> "s3://" + bucket + "/" + key);
        Output<String> changes = object.bucket().applyValue(bucket -> ChangeEvents.s3ObjectCreated(bucket, key));
        return new SeedCodeSource(new PipelineSource(location, action, pipelineAccess, rootBuild(),
                Optional.empty()), Optional.of(changes));
    }

    private static SeedCodeSource codeStar(String name, SeedCodeSourceArgs args, CustomResourceOptions options) {
        CodeStarConnection connection = args.source().connection().orElseThrow();
        PipelineStageActionArgs action = action("CodeStarSourceConnection",
                Output.of(SourceActions.codeStar(connection)));
        List<Statement> pipelineAccess = List.of(
                Statement.allow("UseSourceConnection", SourceActions.useConnectionAction(connection.connectionArn()))
                        .on(connection.connectionArn()));
        SourceBuild build = args.additions().isEmpty()
                ? new SourceBuild(args.folder() + "/" + ROOT_BUILDSPEC, Map.of(SourceBuild.FOLDER,
                Output.of(args.folder())), List.of())
                : bundledBuild(name, args, options);
        return new SeedCodeSource(new PipelineSource(Output.of(connection.fullRepositoryId()), action,
                pipelineAccess, build, Optional.of(SourceActions.folderPushes(connection, args.folder()))),
                Optional.empty());
    }

    /** A CodeStar folder's build with the additions as a versioned bundle, which only the build may read. */
    private static SourceBuild bundledBuild(String name, SeedCodeSourceArgs args, CustomResourceOptions options) {
        String key = "source-bundle/" + repositoryName(args) + ".zip";
        BucketObjectv2 bundle = upload(name + "-bundle", args, key, new AssetArchive(args.additions()), options);
        List<Statement> access = List.of(
                Statement.allow("ReadSourceBundle", "s3:GetObject", "s3:GetObjectVersion").on(objectArn(args, key)),
                Statement.allow("DecryptSourceBundle", "kms:Decrypt").on(args.store().keyArn())
                        .when("StringEquals", "kms:ViaService", args.product().scope().arns().service("s3")));
        return new SourceBuild(args.folder() + "/" + ROOT_BUILDSPEC, Map.of(
                SourceBuild.FOLDER, Output.of(args.folder()),
                SourceBuild.BUNDLE_BUCKET, bundle.bucket(),
                SourceBuild.BUNDLE_KEY, Output.of(key),
                SourceBuild.BUNDLE_VERSION, bundle.versionId()), access);
    }

    /** A repository (or object) of its own: the builds run from the source root. */
    private static SourceBuild rootBuild() {
        return new SourceBuild(ROOT_BUILDSPEC, Map.of(SourceBuild.FOLDER, Output.of(ROOT_FOLDER)), List.of());
    }

    private static AssetOrArchive seedArchive(SeedCodeSourceArgs args) {
        return SeedCodeArchive.of(args.seedCodePath().orElseThrow(), args.additions());
    }

    static Output<String> objectArn(SeedCodeSourceArgs args, String key) {
        return args.store().bucketArn().applyValue(arn -> arn + "/" + key);
    }

    private static BucketObjectv2 upload(String name, SeedCodeSourceArgs args, String key, AssetOrArchive source,
                                         CustomResourceOptions options) {
        return new BucketObjectv2(name, BucketObjectv2Args.builder()
                .bucket(args.store().bucketName())
                .key(key)
                .source(source)
                .contentType("application/zip")
                .serverSideEncryption("aws:kms")
                .kmsKeyId(args.store().keyArn())
                .bucketKeyEnabled(true)
                .tags(args.product().tags().asMap())
                .build(), options);
    }

    private static PipelineStageActionArgs action(String provider, Output<Map<String, String>> configuration) {
        return PipelineStageActionArgs.builder()
                .name(SourceActions.ACTION_NAME)
                .category("Source")
                .owner("AWS")
                .provider(provider)
                .version("1")
                .runOrder(1)
                .outputArtifacts(PipelineSource.OUTPUT_ARTIFACT)
                .configuration(configuration)
                .build();
    }
}
