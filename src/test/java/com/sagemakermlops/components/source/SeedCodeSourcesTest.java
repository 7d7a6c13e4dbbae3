package com.sagemakermlops.components.source;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.awsnative.codecommit.Repository;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.CodeStarConnection;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedCodeSourcesTest {
    static final Naming NAMING = new Naming(new Product("globalbank", "prod", "c001", "fraud-detection"), "us-west-2");
    static final String REPO = "globalbank-prod-c001-us-west-2-fraud-detection-ml-model-build";
    static final String KEY = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final CodeStarConnection GITHUB = new CodeStarConnection(
            "arn:aws:codeconnections:us-west-2:111122223333:connection/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab",
            "globalbank", "fraud-ml", "release");

    private static SeedCodeSourceArgs args(SourceControl control, Optional<String> path,
                                           Optional<CodeStarConnection> connection) {
        return new SeedCodeSourceArgs("model-build", control, path, Output.of("models-bucket"),
                Output.of("arn:aws:s3:::models-bucket"), Output.of(KEY), connection, NAMING,
                Tags.of(NAMING.productName(), "starter", "dev", "training", Optional.empty(), Optional.empty()));
    }

    private static Recording run(SeedCodeSourceArgs args, AtomicReference<SeedCodeSource> created) {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(),
                ctx -> created.set(SeedCodeSources.create("source", args, CustomResourceOptions.Empty)));
        assertThat(recording.errors()).isEmpty();
        return recording;
    }

    private static <T> T value(Output<T> output) {
        AtomicReference<T> value = new AtomicReference<>();
        output.applyValue(v -> {
            value.set(v);
            return v;
        });
        return value.get();
    }

    @Test
    void codeCommitRepositoryIsSeededFromTheZipAndEncrypted() {
        var created = new AtomicReference<SeedCodeSource>();
        Recording recording = run(args(SourceControl.CODECOMMIT, Optional.of("seed-code/model-build"),
                Optional.empty()), created);

        Map<String, Object> seed = recording.named("aws:s3/bucketObjectv2:BucketObjectv2", "source-seed")
                .inputValues();
        assertThat(seed).containsEntry("bucket", "models-bucket")
                .containsEntry("key", "seed-code/" + REPO + ".zip")
                .containsEntry("serverSideEncryption", "aws:kms").containsEntry("kmsKeyId", KEY);
        assertThat(seed.get("source")).asString().contains("seed-code/model-build");

        Map<String, Object> repository = recording.named(Repository.TYPE, "source").inputValues();
        assertThat(repository).containsEntry("repositoryName", REPO).containsEntry("kmsKeyId", KEY);
        assertThat(repository.get("code")).isEqualTo(Map.of("branchName", "main", "s3", Map.of(
                "bucket", "models-bucket", "key", "seed-code/" + REPO + ".zip",
                "objectVersion", recording.named("aws:s3/bucketObjectv2:BucketObjectv2", "source-seed")
                        .outputValues().get("versionId"))));
        assertThat(repository.get("tags")).asString().contains("key=product");

        SeedCodeSource source = created.get();
        assertThat(value(source.source().action().configuration().orElseThrow()))
                .containsEntry("RepositoryName", REPO).containsEntry("PollForSourceChanges", "false");
        assertThat(value(source.source().action().provider())).isEqualTo("CodeCommit");
        assertThat(source.buildspec()).isEqualTo("buildspec.yml");
        assertThat(value(source.source().location()))
                .isEqualTo("https://git-codecommit.us-west-2.amazonaws.com/v1/repos/" + REPO);
        assertThat(value(source.changeEvents().orElseThrow()))
                .contains("\"resources\":[\"arn:aws:codecommit:us-west-2:111122223333:" + REPO + "\"]")
                .contains("referenceUpdated");
    }

    @Test
    void s3SourceIsTheUploadedZipUnderSource() {
        var created = new AtomicReference<SeedCodeSource>();
        Recording recording = run(args(SourceControl.S3, Optional.of("seed-code/model-build"), Optional.empty()),
                created);

        assertThat(recording.named("aws:s3/bucketObjectv2:BucketObjectv2", "source").inputValues())
                .containsEntry("key", "source/" + REPO + ".zip").containsEntry("kmsKeyId", KEY);
        assertThat(recording.ofType(Repository.TYPE)).isEmpty();
        SeedCodeSource source = created.get();
        assertThat(value(source.source().action().provider())).isEqualTo("S3");
        assertThat(value(source.source().action().configuration().orElseThrow())).isEqualTo(Map.of(
                "S3Bucket", "models-bucket", "S3ObjectKey", "source/" + REPO + ".zip",
                "PollForSourceChanges", "false"));
        assertThat(value(source.source().location())).isEqualTo("s3://models-bucket/source/" + REPO + ".zip");
        assertThat(value(source.changeEvents().orElseThrow())).contains("\"Object Created\"")
                .contains("\"key\":[\"source/" + REPO + ".zip\"]");
    }

    @Test
    void codeStarSourceUsesTheConnectionAndTheFolderBuildspec() {
        var created = new AtomicReference<SeedCodeSource>();
        Recording recording = run(args(SourceControl.CODESTAR, Optional.empty(), Optional.of(GITHUB)), created);

        assertThat(recording.resources()).noneMatch(r -> r.type().startsWith("aws"));
        SeedCodeSource source = created.get();
        assertThat(value(source.source().action().provider())).isEqualTo("CodeStarSourceConnection");
        assertThat(value(source.source().action().configuration().orElseThrow()))
                .containsEntry("ConnectionArn", GITHUB.connectionArn())
                .containsEntry("FullRepositoryId", "globalbank/fraud-ml")
                .containsEntry("BranchName", "release");
        assertThat(source.buildspec()).isEqualTo("model-build/buildspec.yml");
        assertThat(source.changeEvents()).isEmpty();
        assertThat(source.source().pipelineAccess()).hasSize(1);
    }

    @Test
    void useConnectionActionFollowsTheConnectionService() {
        assertThat(SourceActions.useConnectionAction(GITHUB.connectionArn()))
                .isEqualTo("codeconnections:UseConnection");
        assertThat(SourceActions.useConnectionAction(
                "arn:aws:codestar-connections:us-east-1:111122223333:connection/abc"))
                .isEqualTo("codestar-connections:UseConnection");
    }

    @Test
    void missingInputsAreRefused() {
        assertThatThrownBy(() -> args(SourceControl.CODESTAR, Optional.empty(), Optional.empty()))
                .hasMessageContaining("CodeStar connection");
        assertThatThrownBy(() -> args(SourceControl.S3, Optional.empty(), Optional.empty()))
                .hasMessageContaining("seed code path");
    }

    @Test
    void seedZipsAreUploadedAsFilesAndDirectoriesAsArchives() {
        assertThat(SeedCodeArchive.of("seed/code.ZIP")).isInstanceOf(com.pulumi.asset.FileAsset.class);
        assertThat(SeedCodeArchive.of("seed-code/model-build")).isInstanceOf(com.pulumi.asset.FileArchive.class);
    }

    @Test
    void changeEventsMatchOnlyTheBranchOrObject() {
        assertThat(ChangeEvents.codeCommitBranchChanged("arn:repo", "main")).isEqualTo(
                "{\"source\":[\"aws.codecommit\"],\"detail-type\":[\"CodeCommit Repository State Change\"],"
                        + "\"resources\":[\"arn:repo\"],\"detail\":{\"event\":[\"referenceCreated\","
                        + "\"referenceUpdated\"],\"referenceType\":[\"branch\"],\"referenceName\":[\"main\"]}}");
        assertThat(List.of(ChangeEvents.s3ObjectCreated("b", "source/x.zip")))
                .singleElement().asString().contains("\"bucket\":{\"name\":[\"b\"]}");
    }
}
