package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Model containers run without outbound network access. */
public final class SageMakerModelNetworkIsolation extends ResourcePolicy {
    public SageMakerModelNetworkIsolation() {
        super("sagemaker-model-network-isolation",
                "SageMaker models enable network isolation so inference containers make no outbound calls.",
                Severity.MEDIUM, EnforcementLevel.ADVISORY,
                "Set enableNetworkIsolation: true (containers then read model artifacts only through SageMaker); "
                        + "make this policy mandatory in --policy-pack-config for production stacks.",
                List.of("CKV_AWS_370"),
                Set.of(Types.SM_MODEL));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        if (!Boolean.TRUE.equals(p.bool("enableNetworkIsolation"))) {
            sink.violation(r, "enableNetworkIsolation is not true");
        }
    }
}
