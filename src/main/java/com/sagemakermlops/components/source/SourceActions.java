package com.sagemakermlops.components.source;

import com.sagemakermlops.config.CodeStarConnection;

import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration of each CodePipeline source action provider, as CodePipeline names the keys. */
final class SourceActions {
    static final String BRANCH = "main";
    static final String CODE_ZIP = "CODE_ZIP";

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

    /** Pushes to the branch start the pipeline through the connection ({@code DetectChanges}). */
    static Map<String, String> codeStar(CodeStarConnection connection) {
        Map<String, String> configuration = new LinkedHashMap<>();
        configuration.put("ConnectionArn", connection.connectionArn());
        configuration.put("FullRepositoryId", connection.fullRepositoryId());
        configuration.put("BranchName", connection.branch());
        configuration.put("OutputArtifactFormat", CODE_ZIP);
        configuration.put("DetectChanges", "true");
        return configuration;
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
