package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.Suppressions;

/** A suppression without a real reason does not suppress, and is itself a finding. */
public final class SuppressionReasonRequired extends SuppressionTagPolicy {
    public SuppressionReasonRequired() {
        super("suppression-reason-required",
                "Every suppression tag (" + PolicyPack.SUPPRESSION_TAG_PREFIX + "<id>) gives a reason of at least "
                        + PolicyPack.MIN_REASON_LENGTH + " characters; a shorter one suppresses nothing.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Write why the finding is accepted as the tag value (at least " + PolicyPack.MIN_REASON_LENGTH
                        + " characters), or remove the suppression and fix the finding.");
    }

    @Override
    String problem(Suppressions.Suppression sup) {
        return sup.valid() ? null : "has a reason of " + sup.reason().trim().length()
                + " characters (needs " + PolicyPack.MIN_REASON_LENGTH + "): not applied";
    }
}
