package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Model containers run without outbound network access. */
public final class SageMakerModelNetworkIsolation extends RequiredProperty {
    public SageMakerModelNetworkIsolation() {
        super("sagemaker-model-network-isolation",
                "SageMaker models enable network isolation so inference containers make no outbound calls.",
                Severity.MEDIUM, EnforcementLevel.ADVISORY,
                "Set enableNetworkIsolation: true (containers then read model artifacts only through SageMaker); "
                        + "make this policy mandatory in --policy-pack-config for production stacks.",
                List.of("CKV_AWS_370"),
                Set.of(Types.SM_MODEL),
                "enableNetworkIsolation", Expectation.isTrue());
    }
}
