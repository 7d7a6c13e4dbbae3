package com.sagemakermlops.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The MDAA {@code deploy} block: the pipeline that promotes approved model versions. */
public record DeployConfig(
        String projectName,
        Optional<String> domainId,
        Optional<String> domainArn,
        Optional<String> modelPackageGroupName,
        Optional<String> modelBucketName,
        Optional<String> pipelineBucketName,
        boolean enableNetworkIsolation,
        boolean enableManualApproval,
        boolean enableEventBridgeTrigger,
        boolean enableDataCapture,
        Optional<String> seedCodePath,
        Optional<VpcSettings> devEnvironment,
        Optional<TargetEnvironment> preProdEnvironment,
        Optional<TargetEnvironment> prodEnvironment,
        List<BuildPolicy> buildPolicies) {

    public DeployConfig {
        buildPolicies = List.copyOf(buildPolicies);
    }

    /** The configured target environments in promotion order. */
    public List<TargetEnvironment> environments() {
        return Stream.of(preProdEnvironment, prodEnvironment).flatMap(Optional::stream).toList();
    }
}
