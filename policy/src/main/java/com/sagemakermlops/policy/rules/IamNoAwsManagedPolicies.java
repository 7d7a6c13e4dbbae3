package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;

/** Prefer customer-managed policies over broad AWS-managed ones. */
public final class IamNoAwsManagedPolicies extends ResourcePolicy {
    public IamNoAwsManagedPolicies() {
        super("iam-no-aws-managed-policies",
                "Roles use customer-managed or inline policies rather than AWS-managed policies.",
                Severity.LOW, EnforcementLevel.ADVISORY,
                "Write a policy scoped to this platform's resources, or suppress with a reason when the AWS-managed "
                        + "policy is the documented requirement (e.g. a service-role policy).",
                List.of("AwsSolutions-IAM4"),
                ManagedPolicies.TYPES);
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        ManagedPolicies.report(r, p, sink, arn -> {
            String name = ManagedPolicies.awsManagedName(arn);
            return name == null ? null : "AWS-managed policy " + name;
        });
    }
}
