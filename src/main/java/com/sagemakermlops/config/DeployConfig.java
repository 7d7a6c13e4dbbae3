package com.sagemakermlops.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The MDAA {@code deploy} block: the pipeline that promotes approved model versions; {@code pulumiCloud} when the
 * hosting stacks keep their state in Pulumi Cloud rather than in the tooling account.
 */
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
        List<BuildPolicy> buildPolicies,
        List<String> operatorRoleArns,
        Optional<PulumiCloudBackend> pulumiCloud) {

    /**
     * @param operatorRoleArns roles that may deploy besides the pipeline: they use the state backend (bucket, secrets
     *                         key) and may assume each stage's deploy role with its external ID; none means only the
     *                         deploy pipeline deploys the hosting stacks
     */
    public DeployConfig {
        buildPolicies = List.copyOf(buildPolicies);
        operatorRoleArns = List.copyOf(operatorRoleArns);
    }

    /**
     * These settings, or, when neither target environment is configured, one {@code preprod} stage in the tooling
     * account itself (single-account mode, as the MDAA minimal sample promises a deploy pipeline without targets).
     */
    public DeployConfig orSingleAccount(String toolingAccountId, String region) {
        if (preProdEnvironment.isPresent() || prodEnvironment.isPresent()) {
            return this;
        }
        var sameAccount = new TargetEnvironment(TargetEnvironment.Stage.PREPROD, toolingAccountId, region,
                Optional.empty(), Optional.empty(), Optional.empty());
        return withEnvironments(Optional.of(sameAccount), prodEnvironment);
    }

    /** These settings with other target environments. */
    public DeployConfig withEnvironments(Optional<TargetEnvironment> preProd, Optional<TargetEnvironment> prod) {
        return new DeployConfig(projectName, domainId, domainArn, modelPackageGroupName, modelBucketName,
                pipelineBucketName, enableNetworkIsolation, enableManualApproval, enableEventBridgeTrigger,
                enableDataCapture, seedCodePath, devEnvironment, preProd, prod, buildPolicies, operatorRoleArns,
                pulumiCloud);
    }

    /** The configured target environments in promotion order. */
    public List<TargetEnvironment> environments() {
        return Stream.of(preProdEnvironment, prodEnvironment).flatMap(Optional::stream).toList();
    }
}
