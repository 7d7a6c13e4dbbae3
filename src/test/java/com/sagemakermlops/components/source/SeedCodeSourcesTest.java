package com.sagemakermlops.components.source;

import com.pulumi.asset.AssetArchive;
import com.pulumi.asset.FileAsset;
import com.pulumi.asset.StringAsset;
import com.google.gson.Gson;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.config.CodeStarConnection;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.config.SourceControl;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;
import com.pulumi.asset.AssetOrArchive;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.store.ModelStoreArgs;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.testing.TestStores;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedCodeSourcesTest {
    static final Naming NAMING = new Naming(new Product("globalbank", "prod", "c001", "fraud-detection"), "us-west-2");
    static final String REPO = "globalbank-prod-c001-us-west-2-fraud-detection-ml-model-build";
    static final String ROLE = NAMING.physical(PhysicalName.IAM_ROLE, "model-build-repository");
    static final String KEY = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final CodeStarConnection GITHUB = new CodeStarConnection(
            "arn:aws:codeconnections:us-west-2:111122223333:connection/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab",
            "globalbank", "fraud-ml", "release");

    static final ProductContext PRODUCT = new ProductContext(NAMING,
            Tags.of(NAMING.productName(), "starter", "dev", "training", Optional.empty(), Optional.empty()),
            TestStores.TOOLING, Tier.STARTER, Optional.empty());
    /** A store of an existing key and bucket: only its registry is created. */
    static final ModelStoreArgs STORE = TestStores.args(NAMING).keyArn(KEY).existingBucketName("models-bucket")
            .build();

    /** The seed code source of one test, made in the program against {@link #STORE}. */
    private record Seed(SourceControl control, Optional<String> path, Optional<CodeStarConnection> connection,
                        Map<String, AssetOrArchive> additions) {

        Seed withAdditions(Map<String, AssetOrArchive> files) {
            return new Seed(control, path, connection, files);
        }

        SeedCodeSourceArgs args(ModelStoreRef store) {
            return new SeedCodeSourceArgs("model-build", new SourceSettings(control, connection), path, store,
                    PRODUCT, additions);
        }
    }

    private static Seed args(SourceControl control, Optional<String> path, Optional<CodeStarConnection> connection) {
        return new Seed(control, path, connection, Map.of());
    }

    private static Recording run(Seed seed, AtomicReference<SeedCodeSource> created) {
        Recording recording = TestStores.run("dev", TestStacks.cloud(), STORE, (ctx, store) ->
                created.set(SeedCodeSources.create("source", seed.args(store), CustomResourceOptions.Empty)));
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

    /** The statements as the role policy document holds them. */
    private static String document(List<Statement> statements) {
        return value(PolicyDocument.of(statements));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object text) {
        return new Gson().fromJson(String.valueOf(text), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void codeCommitRepositoryIsACloudFormationStackSeededFromTheZipAndEncrypted() {
        var created = new AtomicReference<SeedCodeSource>();
        Recording recording = run(args(SourceControl.CODECOMMIT, Optional.of("seed-code/model-build"),
                Optional.empty()), created);

        var seedObject = recording.named("aws:s3/bucketObjectv2:BucketObjectv2", "source-seed");
        assertThat(seedObject.inputValues()).containsEntry("bucket", "models-bucket")
                .containsEntry("key", "seed-code/" + REPO + ".zip")
                .containsEntry("serverSideEncryption", "aws:kms").containsEntry("kmsKeyId", KEY);
        assertThat(seedObject.inputValues().get("source")).asString().contains("seed-code/model-build");

        var stack = recording.named("aws:cloudformation/stack:Stack", "source");
        Map<String, Object> inputs = stack.inputValues();
        assertThat(inputs).containsEntry("name", REPO + "-repository").containsEntry("onFailure", "DELETE")
                .containsEntry("iamRoleArn", "arn:aws:iam::111122223333:role/" + ROLE)
                .doesNotContainKeys("disableRollback", "timeoutInMinutes", "capabilities");
        assertThat(stack.dependencies()).anyMatch(urn -> urn.endsWith("RolePolicy::source-repository-role"));
        Map<String, Object> template = json(inputs.get("templateBody"));
        Map<String, Object> resource = (Map<String, Object>) ((Map<String, Object>) template.get("Resources"))
                .get("Repository");
        assertThat(resource.get("Type")).isEqualTo("AWS::CodeCommit::Repository");
        Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
        assertThat(properties).containsEntry("RepositoryName", REPO).containsEntry("KmsKeyId", KEY)
                .containsEntry("Code", Map.of("BranchName", "main", "S3", Map.of("Bucket", "models-bucket",
                        "Key", "seed-code/" + REPO + ".zip",
                        "ObjectVersion", seedObject.outputValues().get("versionId"))));
        assertThat((List<Map<String, String>>) properties.get("Tags"))
                .contains(Map.of("Key", "product", "Value", NAMING.productName()));
        assertThat(template.get("Outputs")).isEqualTo(Map.of(
                "RepositoryArn", Map.of("Value", Map.of("Fn::GetAtt", List.of("Repository", "Arn"))),
                "RepositoryName", Map.of("Value", Map.of("Fn::GetAtt", List.of("Repository", "Name"))),
                "CloneUrlHttp", Map.of("Value", Map.of("Fn::GetAtt", List.of("Repository", "CloneUrlHttp")))));

        SeedCodeSource source = created.get();
        assertThat(value(source.source().action().configuration().orElseThrow())).isEqualTo(Map.of(
                "RepositoryName", REPO, "BranchName", "main", "PollForSourceChanges", "false",
                "OutputArtifactFormat", "CODE_ZIP"));
        assertThat(value(source.source().action().provider())).isEqualTo("CodeCommit");
        assertThat(value(source.source().action().outputArtifacts().orElseThrow())).containsExactly("SourceOutput");
        assertThat(document(source.source().pipelineAccess())).isEqualTo(document(List.of(
                Statement.allow("ReadSourceRepository", "codecommit:GetBranch", "codecommit:GetCommit",
                                "codecommit:GetRepository", "codecommit:UploadArchive",
                                "codecommit:GetUploadArchiveStatus", "codecommit:CancelUploadArchive")
                        .on("arn:aws:codecommit:us-west-2:111122223333:" + REPO))));
        assertThat(source.source().build().buildspec()).isEqualTo("buildspec.yml");
        assertThat(source.source().build().variables()).containsOnlyKeys(SourceBuild.FOLDER);
        assertThat(value(source.source().build().variables().get(SourceBuild.FOLDER))).isEqualTo(".");
        assertThat(source.source().trigger()).isEmpty();
        assertThat(value(source.source().location()))
                .isEqualTo("https://git-codecommit.us-west-2.amazonaws.com/v1/repos/" + REPO);
        assertThat(value(source.changeEvents().orElseThrow())).isEqualTo(ChangeEvents.codeCommitBranchChanged(
                "arn:aws:codecommit:us-west-2:111122223333:" + REPO, "main"));
    }

    @Test
    void theStackRoleIsTrustedByCloudFormationAndLimitedToTheRepositoryItsSeedAndTheKey() {
        Recording recording = run(args(SourceControl.CODECOMMIT, Optional.of("seed-code/model-build"),
                Optional.empty()), new AtomicReference<>());

        Map<String, Object> role = recording.named("aws:iam/role:Role", "source-repository-role").inputValues();
        assertThat(role).containsEntry("name", ROLE);
        assertThat(role.get("tags")).asString().contains("mlops:suppress:iam-service-trust-source-conditioned");
        assertThat(json(role.get("assumeRolePolicy")).get("Statement")).isEqualTo(List.of(Map.of(
                "Sid", "TrustCloudFormation", "Effect", "Allow",
                "Principal", Map.of("Service", "cloudformation.amazonaws.com"), "Action", "sts:AssumeRole")));
        String repositoryArn = "arn:aws:codecommit:us-west-2:111122223333:" + REPO;
        assertThat(recording.named("aws:iam/rolePolicy:RolePolicy", "source-repository-role").inputValues()
                .get("policy")).isEqualTo(document(SeededRepository.serviceRoleStatements(
                new Arns("aws", "us-west-2", Output.of("111122223333")), Output.of(repositoryArn),
                Output.of("arn:aws:s3:::models-bucket/seed-code/" + REPO + ".zip"), Output.of(KEY))));
        Map<String, Object> statements = json(recording.named("aws:iam/rolePolicy:RolePolicy",
                "source-repository-role").inputValues().get("policy"));
        assertThat(statements.get("Statement")).asString()
                .contains("Resource=" + repositoryArn)
                .contains("kms:ViaService=s3.us-west-2.amazonaws.com")
                .contains("kms:ViaService=codecommit.us-west-2.amazonaws.com")
                .doesNotContain("Resource=arn:aws:s3:::models-bucket/*");
    }

    @Test
    void s3SourceIsTheUploadedZipUnderSource() {
        var created = new AtomicReference<SeedCodeSource>();
        Recording recording = run(args(SourceControl.S3, Optional.of("seed-code/model-build"), Optional.empty()),
                created);

        assertThat(recording.named("aws:s3/bucketObjectv2:BucketObjectv2", "source").inputValues())
                .containsEntry("key", "source/" + REPO + ".zip").containsEntry("kmsKeyId", KEY);
        assertThat(recording.ofType("aws:cloudformation/stack:Stack")).isEmpty();
        SeedCodeSource source = created.get();
        assertThat(value(source.source().action().provider())).isEqualTo("S3");
        assertThat(value(source.source().action().configuration().orElseThrow())).isEqualTo(Map.of(
                "S3Bucket", "models-bucket", "S3ObjectKey", "source/" + REPO + ".zip",
                "PollForSourceChanges", "false"));
        assertThat(value(source.source().location())).isEqualTo("s3://models-bucket/source/" + REPO + ".zip");
        assertThat(document(source.source().pipelineAccess())).isEqualTo(document(List.of(
                Statement.allow("ReadSourceObject", "s3:GetObject", "s3:GetObjectVersion")
                        .on("arn:aws:s3:::models-bucket/source/" + REPO + ".zip"),
                Statement.allow("CheckSourceBucketVersioning", "s3:GetBucketVersioning")
                        .on("arn:aws:s3:::models-bucket"))));
        assertThat(value(source.changeEvents().orElseThrow()))
                .isEqualTo(ChangeEvents.s3ObjectCreated("models-bucket", "source/" + REPO + ".zip"));
    }

    @Test
    void codeStarSourceRunsTheFolderOnPushesThatChangeItOnly() {
        var created = new AtomicReference<SeedCodeSource>();
        Recording recording = run(args(SourceControl.CODESTAR, Optional.empty(), Optional.of(GITHUB)), created);

        assertThat(recording.resources()).filteredOn(r -> !TestStores.ofStore(r))
                .noneMatch(r -> r.type().startsWith("aws"));
        SeedCodeSource source = created.get();
        assertThat(value(source.source().action().provider())).isEqualTo("CodeStarSourceConnection");
        assertThat(value(source.source().action().name())).isEqualTo("Source");
        assertThat(value(source.source().action().configuration().orElseThrow())).isEqualTo(Map.of(
                "ConnectionArn", GITHUB.connectionArn(), "FullRepositoryId", "globalbank/fraud-ml",
                "BranchName", "release", "OutputArtifactFormat", "CODE_ZIP", "DetectChanges", "false"));
        assertThat(value(source.source().location())).isEqualTo("globalbank/fraud-ml");
        assertThat(source.source().build().buildspec()).isEqualTo("model-build/buildspec.yml");
        assertThat(source.source().build().variables()).containsOnlyKeys(SourceBuild.FOLDER);
        assertThat(value(source.source().build().variables().get(SourceBuild.FOLDER))).isEqualTo("model-build");
        assertThat(source.source().build().access()).isEmpty();
        assertThat(source.changeEvents()).isEmpty();
        assertThat(document(source.source().pipelineAccess())).isEqualTo(document(List.of(
                Statement.allow("UseSourceConnection", "codeconnections:UseConnection").on(GITHUB.connectionArn()))));

        var trigger = source.source().trigger().orElseThrow();
        assertThat(value(trigger.providerType())).isEqualTo("CodeStarSourceConnection");
        var git = value(trigger.gitConfiguration());
        assertThat(value(git.sourceActionName())).isEqualTo("Source");
        var pushes = value(git.pushes().orElseThrow());
        assertThat(pushes).hasSize(1);
        assertThat(value(value(pushes.get(0).branches().orElseThrow()).includes().orElseThrow()))
                .containsExactly("release");
        assertThat(value(value(pushes.get(0).filePaths().orElseThrow()).includes().orElseThrow()))
                .containsExactly("model-build/**");
        assertThat(value(value(pushes.get(0).filePaths().orElseThrow()).excludes().orElse(Output.of(List.of()))))
                .isEmpty();
        assertThat(git.pullRequests()).isEmpty();
    }

    @Test
    void codeStarAdditionsAreAVersionedBundleOnlyTheBuildReads() {
        var created = new AtomicReference<SeedCodeSource>();
        Recording recording = run(args(SourceControl.CODESTAR, Optional.empty(), Optional.of(GITHUB))
                .withAdditions(Map.of("program", new StringAsset("bundle"))), created);

        var bundle = recording.named("aws:s3/bucketObjectv2:BucketObjectv2", "source-bundle");
        String key = "source-bundle/" + REPO + ".zip";
        assertThat(bundle.inputValues()).containsEntry("bucket", "models-bucket").containsEntry("key", key)
                .containsEntry("serverSideEncryption", "aws:kms").containsEntry("kmsKeyId", KEY);
        assertThat(bundle.inputValues().get("source")).asString().contains("program").contains("text=bundle");
        SourceBuild build = created.get().source().build();
        assertThat(build.variables()).containsOnlyKeys(SourceBuild.FOLDER, SourceBuild.BUNDLE_BUCKET,
                SourceBuild.BUNDLE_KEY, SourceBuild.BUNDLE_VERSION);
        assertThat(value(build.variables().get(SourceBuild.BUNDLE_BUCKET))).isEqualTo("models-bucket");
        assertThat(value(build.variables().get(SourceBuild.BUNDLE_KEY))).isEqualTo(key);
        assertThat(value(build.variables().get(SourceBuild.BUNDLE_VERSION)))
                .isEqualTo(bundle.outputValues().get("versionId"));
        assertThat(document(build.access())).isEqualTo(document(List.of(
                Statement.allow("ReadSourceBundle", "s3:GetObject", "s3:GetObjectVersion")
                        .on("arn:aws:s3:::models-bucket/" + key),
                Statement.allow("DecryptSourceBundle", "kms:Decrypt").on(KEY)
                        .when("StringEquals", "kms:ViaService", "s3.us-west-2.amazonaws.com"))));
        assertThat(created.get().source().pipelineAccess()).hasSize(1);
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
        assertThatThrownBy(() -> new SourceSettings(SourceControl.CODESTAR, Optional.empty()))
                .hasMessageContaining("CodeStar connection");
        Recording withoutPath = TestStores.run("dev", TestStacks.cloud(), STORE,
                (ctx, store) -> args(SourceControl.S3, Optional.empty(), Optional.empty()).args(store));
        assertThat(withoutPath.errors()).anySatisfy(e -> assertThat(e).contains("seed code path"));
    }

    @Test
    void seedZipsAreUploadedAsFilesAndDirectoriesAsArchives() {
        assertThat(SeedCodeArchive.of("seed/code.ZIP")).isInstanceOf(com.pulumi.asset.FileAsset.class);
        assertThat(SeedCodeArchive.of("seed-code/model-build")).isInstanceOf(AssetArchive.class);
        assertThat(SeedCodeArchive.of("seed/code.zip", Map.of())).isInstanceOf(FileAsset.class);
        assertThatThrownBy(() -> SeedCodeArchive.of("seed/code.zip", Map.of("extra", new StringAsset("x"))))
                .hasMessageContaining("must be a directory");
    }

    @Test
    @SuppressWarnings("unchecked")
    void additionsSitBesideTheSeedDirectorysOwnFilesAndNothingIgnoredAtAnyDepth(@TempDir Path seed)
            throws IOException {
        Files.writeString(seed.resolve("buildspec.yml"), "version: 0.2");
        Files.createDirectories(seed.resolve("scripts/lib"));
        Files.writeString(seed.resolve("scripts/run.py"), "print()");
        Files.writeString(seed.resolve("scripts/lib/util.py"), "x = 1");
        for (String ignored : List.of("__pycache__/a.pyc", ".pytest_cache/v", ".venv/bin/python", ".benchmarks/b",
                "scripts/__pycache__/run.pyc", "scripts/.benchmarks/b", "scripts/lib/__pycache__/util.pyc",
                "scripts/lib/.pytest_cache/v", "scripts/.env", ".DS_Store")) {
            Files.createDirectories(seed.resolve(ignored).getParent());
            Files.writeString(seed.resolve(ignored), "ignored");
        }
        var created = new AtomicReference<SeedCodeSource>();
        Recording recording = run(args(SourceControl.S3, Optional.of(seed.toString()), Optional.empty())
                .withAdditions(Map.of("program", new StringAsset("bundle"))), created);

        Map<String, Object> source = (Map<String, Object>) recording.named("aws:s3/bucketObjectv2:BucketObjectv2",
                "source").inputValues().get("source");
        Map<String, Object> entries = (Map<String, Object>) source.get("assets");
        assertThat(entries).containsOnlyKeys("buildspec.yml", "scripts", "program");
        assertThat(entries.get("buildspec.yml")).asString().contains("path=" + seed.resolve("buildspec.yml"));
        assertThat(entries.get("program")).asString().contains("text=bundle");
        Map<String, Object> scripts = (Map<String, Object>) ((Map<String, Object>) entries.get("scripts")).get("assets");
        assertThat(scripts).containsOnlyKeys("run.py", "lib");
        assertThat(scripts.get("run.py")).asString().contains("path=" + seed.resolve("scripts/run.py"));
        Map<String, Object> lib = (Map<String, Object>) ((Map<String, Object>) scripts.get("lib")).get("assets");
        assertThat(lib).containsOnlyKeys("util.py");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSeedDirectoryWithoutAdditionsLeavesOutTheSameEntries(@TempDir Path seed) throws IOException {
        Files.createDirectories(seed.resolve("pipelines/.venv"));
        Files.writeString(seed.resolve("pipelines/train.py"), "fit()");
        Files.writeString(seed.resolve("pipelines/.venv/pyvenv.cfg"), "home = /usr");
        Recording recording = run(args(SourceControl.S3, Optional.of(seed.toString()), Optional.empty()),
                new AtomicReference<>());

        Map<String, Object> source = (Map<String, Object>) recording.named("aws:s3/bucketObjectv2:BucketObjectv2",
                "source").inputValues().get("source");
        Map<String, Object> pipelines = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) source
                .get("assets")).get("pipelines")).get("assets");
        assertThat(pipelines).containsOnlyKeys("train.py");
    }

    @Test
    void changeEventsMatchOnlyTheBranchOrObject() {
        assertThat(ChangeEvents.codeCommitBranchChanged("arn:repo", "main")).isEqualTo(
                "{\"source\":[\"aws.codecommit\"],\"detail-type\":[\"CodeCommit Repository State Change\"],"
                        + "\"resources\":[\"arn:repo\"],\"detail\":{\"event\":[\"referenceCreated\","
                        + "\"referenceUpdated\"],\"referenceType\":[\"branch\"],\"referenceName\":[\"main\"]}}");
        assertThat(ChangeEvents.s3ObjectCreated("b", "source/x.zip")).isEqualTo(
                "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],"
                        + "\"detail\":{\"bucket\":{\"name\":[\"b\"]},\"object\":{\"key\":[\"source/x.zip\"]}}}");
    }
}
