package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetOrArchive;
import com.pulumi.core.Output;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.config.CodeStarConnection;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.naming.Naming;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a pipeline's source is made from.
 *
 * @param folder              {@code model-build} or {@code model-deploy}: names the CodeCommit repository or S3
 *                            object and, with CodeStar, is the repository folder holding this pipeline's code
 * @param control             where the code lives
 * @param seedCodePath        directory or {@code .zip} of the first commit, relative to the project root; required
 *                            for CodeCommit and S3, ignored for CodeStar (the repository already holds the code)
 * @param bucketName          the (versioned, KMS-encrypted) model bucket seed zips are uploaded to
 * @param bucketArn           its ARN
 * @param keyArn              the customer-managed key seed objects and the CodeCommit repository are encrypted with
 * @param connection          the CodeStar connection; required for CodeStar
 * @param arns                the partition, region and account the source lives in
 * @param permissionsBoundary set on the roles the source creates, when configured
 * @param additions           files added beside the seed code: in the first commit (CodeCommit, S3), or in a
 *                            versioned bundle the builds unpack into the folder (CodeStar, whose repository is the
 *                            user's)
 */
public record SeedCodeSourceArgs(
        String folder,
        SourceControl control,
        Optional<String> seedCodePath,
        Output<String> bucketName,
        Output<String> bucketArn,
        Output<String> keyArn,
        Optional<CodeStarConnection> connection,
        Naming naming,
        Tags tags,
        Arns arns,
        Optional<Output<String>> permissionsBoundary,
        Map<String, AssetOrArchive> additions) {

    /** Seed code as it is, nothing added. */
    public SeedCodeSourceArgs(String folder, SourceControl control, Optional<String> seedCodePath,
                              Output<String> bucketName, Output<String> bucketArn, Output<String> keyArn,
                              Optional<CodeStarConnection> connection, Naming naming, Tags tags, Arns arns,
                              Optional<Output<String>> permissionsBoundary) {
        this(folder, control, seedCodePath, bucketName, bucketArn, keyArn, connection, naming, tags, arns,
                permissionsBoundary, Map.of());
    }

    /** These arguments with files added beside the seed code (which must then be a directory). */
    public SeedCodeSourceArgs withAdditions(Map<String, AssetOrArchive> files) {
        return new SeedCodeSourceArgs(folder, control, seedCodePath, bucketName, bucketArn, keyArn, connection, naming,
                tags, arns, permissionsBoundary, files);
    }

    public SeedCodeSourceArgs {
        additions = new TreeMap<>(additions);
        if (control == SourceControl.CODESTAR && connection.isEmpty()) {
            throw new IllegalArgumentException("a codestar source needs a CodeStar connection");
        }
        if (control != SourceControl.CODESTAR && seedCodePath.isEmpty()) {
            throw new IllegalArgumentException("a " + control.name().toLowerCase() + " source needs a seed code path");
        }
    }
}
