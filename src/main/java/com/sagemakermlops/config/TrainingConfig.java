package com.sagemakermlops.config;

import java.util.List;
import java.util.Optional;

/** The MDAA {@code training} block: the pipeline that builds and registers model versions. */
public record TrainingConfig(
        String projectName,
        Optional<String> domainId,
        Optional<String> domainArn,
        boolean enableNetworkIsolation,
        boolean enableInterContainerEncryption,
        Optional<String> seedCodePath,
        Optional<String> preProdAccountId,
        Optional<String> prodAccountId,
        Optional<VpcSettings> devEnvironment,
        List<BuildPolicy> buildPolicies) {

    public TrainingConfig {
        buildPolicies = List.copyOf(buildPolicies);
    }
}
