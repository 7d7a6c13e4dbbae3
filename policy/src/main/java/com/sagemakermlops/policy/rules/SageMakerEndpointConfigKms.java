package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Endpoint configurations encrypt the ML storage volume with a KMS key. */
public final class SageMakerEndpointConfigKms extends RequiredProperty {
    public SageMakerEndpointConfigKms() {
        super("sagemaker-endpoint-config-kms",
                "SageMaker endpoint configurations encrypt the endpoint storage volume with a KMS key.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set kmsKeyArn to the ARN of a customer-managed KMS key.",
                List.of("NIST.800.53.R5-SageMakerEndpointConfigurationKMSKeyConfigured",
                        "HIPAA.Security-SageMakerEndpointConfigurationKMSKeyConfigured", "CKV_AWS_98"),
                Set.of(Types.SM_ENDPOINT_CONFIG),
                "kmsKeyArn", Expectation.isSet());
    }
}
