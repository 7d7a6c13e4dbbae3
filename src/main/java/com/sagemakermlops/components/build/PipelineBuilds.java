package com.sagemakermlops.components.build;

import com.pulumi.aws.codebuild.inputs.ProjectArtifactsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentArgs;
import com.pulumi.aws.codebuild.inputs.ProjectEnvironmentEnvironmentVariableArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigArgs;
import com.pulumi.aws.codebuild.inputs.ProjectLogsConfigCloudwatchLogsArgs;
import com.pulumi.aws.codebuild.inputs.ProjectSourceArgs;
import com.pulumi.aws.codebuild.inputs.ProjectVpcConfigArgs;
import com.pulumi.core.Output;
import com.sagemakermlops.config.VpcSettings;

import java.util.List;

/** What the CodeBuild projects CodePipeline runs (the training build and the deploy builds) have in common. */
public final class PipelineBuilds {
    private static final String IMAGE = "aws/codebuild/standard:7.0";
    private static final String COMPUTE_TYPE = "BUILD_GENERAL1_SMALL";

    private PipelineBuilds() {
    }

    /** The pipeline hands the build its source and takes its artifacts. */
    public static ProjectSourceArgs source(String buildspec) {
        return ProjectSourceArgs.builder().type("CODEPIPELINE").buildspec(buildspec).build();
    }

    public static ProjectArtifactsArgs artifacts() {
        return ProjectArtifactsArgs.builder().type("CODEPIPELINE").build();
    }

    /** A small Linux container of the standard image, pulled with CodeBuild's own credentials. */
    public static ProjectEnvironmentArgs.Builder environment(
            Output<List<ProjectEnvironmentEnvironmentVariableArgs>> variables) {
        return ProjectEnvironmentArgs.builder()
                .type("LINUX_CONTAINER")
                .computeType(COMPUTE_TYPE)
                .image(IMAGE)
                .imagePullCredentialsType("CODEBUILD")
                .environmentVariables(variables);
    }

    /** A plain-text environment variable (nothing secret goes in one). */
    public static ProjectEnvironmentEnvironmentVariableArgs plaintext(String name, Output<String> value) {
        return ProjectEnvironmentEnvironmentVariableArgs.builder().name(name).value(value).type("PLAINTEXT").build();
    }

    /** A variable CodeBuild fills from the Secrets Manager secret {@code secretArn} when the build starts. */
    public static ProjectEnvironmentEnvironmentVariableArgs fromSecretsManager(String name, String secretArn) {
        return ProjectEnvironmentEnvironmentVariableArgs.builder().name(name).value(secretArn)
                .type("SECRETS_MANAGER").build();
    }

    /** Build logs go to CloudWatch Logs, in {@code groupName}. */
    public static ProjectLogsConfigArgs cloudWatchLogs(Output<String> groupName) {
        return ProjectLogsConfigArgs.builder()
                .cloudwatchLogs(ProjectLogsConfigCloudwatchLogsArgs.builder()
                        .status("ENABLED")
                        .groupName(groupName)
                        .build())
                .build();
    }

    /** The build runs in the subnets and security groups of {@code vpc}. */
    public static ProjectVpcConfigArgs vpcConfig(VpcSettings vpc) {
        return ProjectVpcConfigArgs.builder()
                .vpcId(vpc.vpcId())
                .subnets(vpc.subnetIds())
                .securityGroupIds(vpc.securityGroupIds())
                .build();
    }
}
