package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;

/** Roles never get administrator or *FullAccess AWS-managed policies. */
public final class IamNoAdminManagedPolicies extends ResourcePolicy {
    public IamNoAdminManagedPolicies() {
        super("iam-no-admin-managed-policies",
                "Roles do not attach AdministratorAccess, PowerUserAccess or *FullAccess AWS-managed policies.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Replace the managed policy with a customer-managed or inline policy that lists only the needed "
                        + "actions and resources.",
                List.of("CKV_AWS_274"),
                ManagedPolicies.TYPES);
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        ManagedPolicies.report(r, p, sink,
                arn -> ManagedPolicies.isAdminOrFullAccess(arn) ? ManagedPolicies.awsManagedName(arn) : null);
    }
}
