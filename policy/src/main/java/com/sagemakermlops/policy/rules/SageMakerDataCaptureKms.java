package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Captured inference data is encrypted with a KMS key. */
public final class SageMakerDataCaptureKms extends RequiredProperty {
    public SageMakerDataCaptureKms() {
        super("sagemaker-data-capture-kms",
                "SageMaker endpoint data capture encrypts the captured requests and responses with a KMS key.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set dataCaptureConfig.kmsKeyId to the ARN of a customer-managed KMS key.",
                List.of(),
                Set.of(Types.SM_ENDPOINT_CONFIG),
                "dataCaptureConfig.kmsKeyId", Expectation.isSet());
    }

    @Override
    protected boolean applies(Props p) {
        Props capture = p.object("dataCaptureConfig");
        return capture != null && !Boolean.FALSE.equals(capture.bool("enableCapture"));
    }
}
