package com.sagemakermlops.components.training;

import com.sagemakermlops.config.Product;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.sagemakermlops.components.training.TrainingFixture.PIPELINE;
import static com.sagemakermlops.components.training.TrainingFixture.PRODUCT;
import static com.sagemakermlops.components.training.TrainingFixture.inputs;
import static com.sagemakermlops.components.training.TrainingFixture.rolePolicy;
import static com.sagemakermlops.components.training.TrainingFixture.statement;
import static com.sagemakermlops.testing.TestStacks.TOOLING_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

/** The training pipeline with each source control. */
class TrainingSourcesTest {
    static final String CONNECTION =
            "arn:aws:codeconnections:us-west-2:111122223333:connection/0a1b2c3d-aaaa-bbbb-cccc-0123456789ab";

    @Test
    void codeCommitPushesToMainStartThePipelineThroughARoleLimitedToIt() {
        Recording recording = TrainingFixture.run(TrainingFixture.minimal());
        assertThat(recording.named("aws:cloudformation/stack:Stack", "training-source").inputValues()
                .get("templateBody")).asString().contains("\"RepositoryName\":\"" + PRODUCT + "-model-build\"");
        Map<String, Object> rule = inputs(recording, "aws:cloudwatch/eventRule:EventRule",
                "training-source-change-rule");
        assertThat(rule.get("eventPattern")).isEqualTo("{\"source\":[\"aws.codecommit\"],"
                + "\"detail-type\":[\"CodeCommit Repository State Change\"],\"resources\":[\"arn:aws:codecommit:us-west-2:"
                + TOOLING_ACCOUNT + ":" + PRODUCT + "-model-build\"],\"detail\":{\"event\":[\"referenceCreated\","
                + "\"referenceUpdated\"],\"referenceType\":[\"branch\"],\"referenceName\":[\"main\"]}}");
        Map<String, Object> target = inputs(recording, "aws:cloudwatch/eventTarget:EventTarget",
                "training-source-change-target");
        String pipelineArn = "arn:aws:codepipeline:us-west-2:" + TOOLING_ACCOUNT + ":" + PIPELINE;
        assertThat(target).containsEntry("arn", pipelineArn)
                .containsEntry("roleArn", "arn:aws:iam::" + TOOLING_ACCOUNT + ":role/" + PRODUCT + "-train-start");
        assertThat(TrainingFixture.statements(rolePolicy(recording, "training-source-change-permissions")))
                .containsExactly(Map.of("Sid", "StartThisPipeline", "Effect", "Allow",
                        "Action", "codepipeline:StartPipelineExecution", "Resource", pipelineArn));
        assertThat(recording.ofType("aws:s3/bucketNotification:BucketNotification")).isEmpty();
    }

    @Test
    void s3SourceTurnsOnBucketEventsAndStartsOnNewVersions() {
        Recording recording = TrainingFixture.run(TrainingFixture.minimal("sagemaker-mlops:sourceControl: s3"));
        assertThat(recording.ofType("aws:cloudformation/stack:Stack")).isEmpty();
        assertThat(inputs(recording, "aws:s3/bucketNotification:BucketNotification", "store-models-notification"))
                .containsEntry("eventbridge", true);
        assertThat(inputs(recording, "aws:cloudwatch/eventRule:EventRule", "training-source-change-rule")
                .get("eventPattern")).isEqualTo("{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],"
                + "\"detail\":{\"bucket\":{\"name\":[\"" + PRODUCT + "-models\"]},"
                + "\"object\":{\"key\":[\"source/" + PRODUCT + "-model-build.zip\"]}}}");
        assertThat(statement(rolePolicy(recording, "training-pipeline-permissions"), "ReadSourceObject").get("Resource"))
                .isEqualTo("arn:aws:s3:::" + PRODUCT + "-models/source/" + PRODUCT + "-model-build.zip");
        assertThat(inputs(recording, "aws:s3/bucketVersioningV2:BucketVersioningV2", "store-models-versioning")
                .get("versioningConfiguration")).isEqualTo(Map.of("status", "Enabled"));
    }

    @Test
    void codeStarBuildsTheModelBuildFolderAndMayUseOnlyItsConnection() {
        Recording recording = TrainingFixture.run(TrainingFixture.minimal("sagemaker-mlops:sourceControl: codestar",
                "sagemaker-mlops:codeStarConnection: {connectionArn: '" + CONNECTION
                        + "', owner: globalbank, repo: fraud-ml}"));
        assertThat(inputs(recording, "aws:codebuild/project:Project", "training-build").get("source"))
                .isEqualTo(Map.of("type", "CODEPIPELINE", "buildspec", "model-build/buildspec.yml"));
        assertThat(statement(rolePolicy(recording, "training-pipeline-permissions"), "UseSourceConnection"))
                .containsEntry("Action", "codeconnections:UseConnection").containsEntry("Resource", CONNECTION);
        assertThat(recording.ofType("aws:cloudwatch/eventRule:EventRule")).isEmpty();
        assertThat(recording.ofType("aws:s3/bucketObjectv2:BucketObjectv2")).isEmpty();
    }

    @Test
    void namesStayWithinServiceLimits() {
        TrainingNames names = TrainingNames.of(new Naming(
                new Product("globalbank", "prod", "c001", "fraud-detection"), "us-west-2"),
                "models");
        assertThat(names.artifactPrefix()).isEqualTo(names.pipeline().substring(0, 20));
        assertThat(List.of(names.sagemakerRole(), names.buildRole(), names.pipelineRole(), names.startRole()))
                .allSatisfy(n -> assertThat(n.length()).isLessThanOrEqualTo(64)).doesNotHaveDuplicates();
    }

    @Test
    void parametersGrowWithTheTier() {
        assertThat(TrainingParameters.forTier(Tier.STARTER))
                .extracting(TrainingParameters.Parameter::title)
                .containsExactly("ModelPackageGroupArn", "RepositoryUrl", "SageMakerRoleArn");
        assertThat(TrainingParameters.forTier(Tier.PROFESSIONAL))
                .extracting(TrainingParameters.Parameter::title)
                .containsExactly("ModelPackageGroupArn", "RepositoryUrl", "SageMakerRoleArn", "BucketName",
                        "BuildPipelineArn");
    }
}
