package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/**
 * Model Monitor jobs encrypt their reports and their processing volume with a KMS key: the reports describe the
 * endpoint's traffic, and the volume holds an hour of its captured requests (CreateDataQualityJobDefinition:
 * {@code DataQualityJobOutputConfig.KmsKeyId}, {@code JobResources.ClusterConfig.VolumeKmsKeyId}).
 */
public final class SageMakerMonitoringJobKms extends ResourcePolicy {
    static final List<String> KEYS = List.of("dataQualityJobOutputConfig.kmsKeyId",
            "jobResources.clusterConfig.volumeKmsKeyId");

    public SageMakerMonitoringJobKms() {
        super("sagemaker-monitoring-job-kms",
                "SageMaker data-quality monitoring jobs encrypt their reports and their volume with a KMS key.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set dataQualityJobOutputConfig.kmsKeyId and jobResources.clusterConfig.volumeKmsKeyId to the ARN "
                        + "of a customer-managed KMS key.",
                List.of(), Set.of(Types.SM_DATA_QUALITY_JOB));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        for (String path : KEYS) {
            String[] parts = path.split("\\.");
            Props holder = p;
            for (int i = 0; i < parts.length - 1 && holder != null; i++) {
                holder = holder.object(parts[i]);
            }
            if (holder == null || !holder.has(parts[parts.length - 1])) {
                sink.violation(r, path + " is not set");
            }
        }
    }
}
