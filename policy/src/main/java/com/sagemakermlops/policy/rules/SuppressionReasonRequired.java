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

/** A suppression without a real reason does not suppress, and is itself a finding. */
public final class SuppressionReasonRequired extends ResourcePolicy {
    public SuppressionReasonRequired() {
        super("suppression-reason-required",
                "Every suppression tag (" + PolicyPack.SUPPRESSION_TAG_PREFIX + "<id>) gives a reason of at least "
                        + PolicyPack.MIN_REASON_LENGTH + " characters; a shorter one suppresses nothing.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Write why the finding is accepted as the tag value (at least " + PolicyPack.MIN_REASON_LENGTH
                        + " characters), or remove the suppression and fix the finding.",
                List.of(), Set.of());
    }

    @Override
    public boolean suppressible() {
        return false;
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        for (Suppressions.Suppression sup : Suppressions.of(r)) {
            if (!sup.valid()) {
                sink.violation(r, "tag " + sup.tagKey() + " has a reason of " + sup.reason().trim().length()
                        + " characters (needs " + PolicyPack.MIN_REASON_LENGTH + "): not applied");
            }
        }
    }
}
