package com.sagemakermlops.components.source;

import com.pulumi.aws.codepipeline.inputs.PipelineStageActionArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.awsnative.codecommit.Repository;
import com.sagemakermlops.awsnative.codecommit.RepositoryArgs;
import com.sagemakermlops.awsnative.codecommit.inputs.RepositoryCodeArgs;
import com.sagemakermlops.awsnative.codecommit.inputs.RepositoryS3Args;
import com.sagemakermlops.awsnative.codecommit.inputs.TagArgs;
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
 *       CMK-encrypted repository on branch {@code main}; the action does not poll, {@link SeedCodeSource#changeEvents()}
 *       is the push event to start the pipeline on.</li>
 *   <li>S3: the seed code is {@code s3://<bucket>/source/<repo>.zip} (the bucket is versioned, as S3 sources need);
 *       new versions of that object start the pipeline through the bucket's EventBridge notifications.</li>
 *   <li>CODESTAR: the connection's repository, whose {@code <folder>/buildspec.yml} the builds run; the connection
 *       starts the pipeline on pushes.</li>
 * </ul>
 * Used for the training ({@code model-build}) and deploy ({@code model-deploy}) pipelines. Every resource is created
 * with the options given (the caller's component as parent).
 */
public final class SeedCodeSources {
    static final String ROOT_BUILDSPEC = "buildspec.yml";

    private SeedCodeSources() {
    }

    public static SeedCodeSource create(String name, SeedCodeSourceArgs args, CustomResourceOptions options) {
        return switch (args.control()) {
            case CODECOMMIT -> codeCommit(name, args, options);
            case S3 -> s3(name, args, options);
            case CODESTAR -> codeStar(args.connection().orElseThrow(), args.folder());
        };
    }

    /** The name of the repository (and of the S3 seed object) holding {@code folder}'s code. */
    private static String repositoryName(SeedCodeSourceArgs args) {
        return args.naming().physical(PhysicalName.CODECOMMIT, args.folder());
    }

    private static SeedCodeSource codeCommit(String name, SeedCodeSourceArgs args, CustomResourceOptions options) {
        String repositoryName = repositoryName(args);
        BucketObjectv2 seed = upload(name + "-seed", args, "seed-code/" + repositoryName + ".zip", options);
        Repository repository = new Repository(name, RepositoryArgs.builder()
                .repositoryName(repositoryName)
                .repositoryDescription(args.folder() + " code of " + args.naming().productName())
                .kmsKeyId(args.keyArn())
                .code(RepositoryCodeArgs.builder()
                        .branchName(SourceActions.BRANCH)
                        .s3(RepositoryS3Args.builder()
                                .bucket(seed.bucket())
                                .key(seed.key())
                                .objectVersion(seed.versionId())
                                .build())
                        .build())
                .tags(TagArgs.of(args.tags().asMap()))
                .build(), options);
        PipelineStageActionArgs action = action("CodeCommit",
                Output.of(SourceActions.codeCommit(repositoryName)));
        List<Statement> pipelineAccess = List.of(Statement.allow("ReadSourceRepository",
                        "codecommit:GetBranch", "codecommit:GetCommit", "codecommit:GetRepository",
                        "codecommit:UploadArchive", "codecommit:GetUploadArchiveStatus",
                        "codecommit:CancelUploadArchive")
                .on(repository.arn()));
        Output<String> changes = repository.arn()
                .applyValue(arn -> ChangeEvents.codeCommitBranchChanged(arn, SourceActions.BRANCH));
        return new SeedCodeSource(new PipelineSource(repository.cloneUrlHttp(), action, pipelineAccess),
                ROOT_BUILDSPEC, Optional.of(changes));
    }

    private static SeedCodeSource s3(String name, SeedCodeSourceArgs args, CustomResourceOptions options) {
        String key = "source/" + repositoryName(args) + ".zip";
        BucketObjectv2 object = upload(name, args, key, options);
        PipelineStageActionArgs action = action("S3",
                object.bucket().applyValue(bucket -> SourceActions.s3(bucket, key)));
        List<Statement> pipelineAccess = List.of(
                Statement.allow("ReadSourceObject", "s3:GetObject", "s3:GetObjectVersion")
                        .on(args.bucketArn().applyValue(arn -> arn + "/" + key)),
                Statement.allow("CheckSourceBucketVersioning", "s3:GetBucketVersioning").on(args.bucketArn()));
        Output<String> location = object.bucket().applyValue(bucket -> "s3://" + bucket + "/" + key);
        Output<String> changes = object.bucket().applyValue(bucket -> ChangeEvents.s3ObjectCreated(bucket, key));
        return new SeedCodeSource(new PipelineSource(location, action, pipelineAccess),
                ROOT_BUILDSPEC, Optional.of(changes));
    }

    private static SeedCodeSource codeStar(CodeStarConnection connection, String folder) {
        PipelineStageActionArgs action = action("CodeStarSourceConnection",
                Output.of(SourceActions.codeStar(connection)));
        List<Statement> pipelineAccess = List.of(
                Statement.allow("UseSourceConnection", SourceActions.useConnectionAction(connection.connectionArn()))
                        .on(connection.connectionArn()));
        return new SeedCodeSource(
                new PipelineSource(Output.of(connection.fullRepositoryId()), action, pipelineAccess),
                folder + "/" + ROOT_BUILDSPEC, Optional.empty());
    }

    private static BucketObjectv2 upload(String name, SeedCodeSourceArgs args, String key,
                                         CustomResourceOptions options) {
        return new BucketObjectv2(name, BucketObjectv2Args.builder()
                .bucket(args.bucketName())
                .key(key)
                .source(SeedCodeArchive.of(args.seedCodePath().orElseThrow(), args.additions()))
                .contentType("application/zip")
                .serverSideEncryption("aws:kms")
                .kmsKeyId(args.keyArn())
                .bucketKeyEnabled(true)
                .tags(args.tags().asMap())
                .build(), options);
    }

    private static PipelineStageActionArgs action(String provider, Output<Map<String, String>> configuration) {
        return PipelineStageActionArgs.builder()
                .name("Source")
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
