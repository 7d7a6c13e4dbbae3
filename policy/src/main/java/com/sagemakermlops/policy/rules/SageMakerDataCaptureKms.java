package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Captured inference data is encrypted with a KMS key. */
public final class SageMakerDataCaptureKms extends ResourcePolicy {
    public SageMakerDataCaptureKms() {
        super("sagemaker-data-capture-kms",
                "SageMaker endpoint data capture encrypts the captured requests and responses with a KMS key.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set dataCaptureConfig.kmsKeyId to the ARN of a customer-managed KMS key.",
                List.of(),
                Set.of(Types.SM_ENDPOINT_CONFIG));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        Props capture = p.object("dataCaptureConfig");
        if (capture == null || Boolean.FALSE.equals(capture.bool("enableCapture"))) {
            return;
        }
        if (!capture.has("kmsKeyId")) {
            sink.violation(r, "dataCaptureConfig.kmsKeyId is not set");
        }
    }
}
