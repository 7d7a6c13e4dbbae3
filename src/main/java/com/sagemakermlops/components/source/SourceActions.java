package com.sagemakermlops.components.source;

import com.pulumi.aws.codepipeline.inputs.PipelineTriggerArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushBranchesArgs;
import com.pulumi.aws.codepipeline.inputs.PipelineTriggerGitConfigurationPushFilePathsArgs;
import com.sagemakermlops.config.CodeStarConnection;

import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration of each CodePipeline source action provider, as CodePipeline names the keys. */
final class SourceActions {
    static final String ACTION_NAME = "Source";
    static final String BRANCH = "main";
    static final String CODE_ZIP = "CODE_ZIP";
    static final String CODESTAR_PROVIDER = "CodeStarSourceConnection";

    private SourceActions() {
    }

    /** Changes start the pipeline through an EventBridge rule, not polling. */
    static Map<String, String> codeCommit(String repositoryName) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("RepositoryName", repositoryName);
        configuration.put("BranchName", BRANCH);
        configuration.put("PollForSourceChanges", "false");
        configuration.put("OutputArtifactFormat", CODE_ZIP);
        return configuration;
    }

    /** Changes start the pipeline through the bucket's EventBridge notifications, not polling. */
    static Map<String, String> s3(String bucket, String objectKey) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("S3Bucket", bucket);
        configuration.put("S3ObjectKey", objectKey);
        configuration.put("PollForSourceChanges", "false");
        return configuration;
    }

    /**
     * Pushes start the pipeline through its trigger ({@link #folderPushes}), not the action: CodePipeline's
     * "Automate starting pipelines using triggers and filtering" gives DetectChanges false for a trigger filtered on
     * code push (with DetectChanges true every push to the branch would start the pipeline).
     */
    static Map<String, String> codeStar(CodeStarConnection connection) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("ConnectionArn", connection.connectionArn());
        configuration.put("FullRepositoryId", connection.fullRepositoryId());
        configuration.put("BranchName", connection.branch());
        configuration.put("OutputArtifactFormat", CODE_ZIP);
        configuration.put("DetectChanges", "false");
        return configuration;
    }

    /**
     * The V2 pipeline trigger (pipelineType V2 only) that starts the pipeline on pushes to the connection's branch
     * that change a file under {@code folder}: CodePipeline accepts file paths only together with branches ("Filter
     * triggers on code push or pull requests"), globs as in its examples ({@code projectA/**}); terraform-provider-aws
     * {@code internal/service/codepipeline/codepipeline.go} takes 1 to 8 patterns of 1 to 255 characters, the
     * provider type {@code CodeStarSourceConnection} and the source action's name.
     */
    static PipelineTriggerArgs folderPushes(CodeStarConnection connection, String folder) {
        return PipelineTriggerArgs.builder()
                .providerType(CODESTAR_PROVIDER)
                .gitConfiguration(PipelineTriggerGitConfigurationArgs.builder()
                        .sourceActionName(ACTION_NAME)
                        .pushes(PipelineTriggerGitConfigurationPushArgs.builder()
                                .branches(PipelineTriggerGitConfigurationPushBranchesArgs.builder()
                                        .includes(connection.branch())
                                        .build())
                                .filePaths(PipelineTriggerGitConfigurationPushFilePathsArgs.builder()
                                        .includes(folder + "/**")
                                        .build())
                                .build())
                        .build())
                .build();
    }

    /**
     * The IAM action that lets a role use a connection: connections created as CodeConnections
     * ({@code arn:...:codeconnections:...}) and older CodeStar connections have their own service prefix.
     */
    static String useConnectionAction(String connectionArn) {
        String service = connectionArn.split(":", 4)[2];
        return service + ":UseConnection";
    }
}
