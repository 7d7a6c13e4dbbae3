package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.Suppressions;

/** A suppression that names no policy of this pack (a typo, or a rule the pack does not cover) does nothing. */
public final class SuppressionIdKnown extends SuppressionTagPolicy {
    public SuppressionIdKnown() {
        super("suppression-id-known",
                "Every suppression tag names a policy of this pack or a rule id one of its policies covers.",
                Severity.LOW, EnforcementLevel.ADVISORY,
                "Fix the id in the tag key (see the policy table in policy/README.md) or remove the tag.");
    }

    @Override
    String problem(Suppressions.Suppression sup) {
        return PolicyPack.standard().knows(sup.id()) ? null : "names no policy or covered rule id of this pack";
    }
}
