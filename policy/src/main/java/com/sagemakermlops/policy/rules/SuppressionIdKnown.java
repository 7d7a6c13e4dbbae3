package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.Suppressions;

import java.util.List;
import java.util.Set;

/** A suppression that names no policy of this pack (a typo, or a rule the pack does not cover) does nothing. */
public final class SuppressionIdKnown extends ResourcePolicy {
    public SuppressionIdKnown() {
        super("suppression-id-known",
                "Every suppression tag names a policy of this pack or a rule id one of its policies covers.",
                Severity.LOW, EnforcementLevel.ADVISORY,
                "Fix the id in the tag key (see the policy table in policy/README.md) or remove the tag.",
                List.of(), Set.of());
    }

    @Override
    public boolean suppressible() {
        return false;
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        for (Suppressions.Suppression sup : Suppressions.of(r)) {
            if (!PolicyPack.standard().knows(sup.id())) {
                sink.violation(r, "tag " + sup.tagKey() + " names no policy or covered rule id of this pack");
            }
        }
    }
}
