package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.Suppressions;

import java.util.List;
import java.util.Set;

/** A policy that polices the suppression tags of every resource; it cannot be suppressed itself. */
abstract class SuppressionTagPolicy extends ResourcePolicy {

    SuppressionTagPolicy(String name, String description, Severity severity, EnforcementLevel defaultLevel,
                         String remediation) {
        super(name, description, severity, defaultLevel, remediation, List.of(), Set.of());
    }

    /** What is wrong with the suppression, completing "tag KEY ...", or null when nothing is. */
    abstract String problem(Suppressions.Suppression suppression);

    @Override
    public final boolean suppressible() {
        return false;
    }

    @Override
    public final void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        for (Suppressions.Suppression sup : Suppressions.of(r)) {
            String problem = problem(sup);
            if (problem != null) {
                sink.violation(r, "tag " + sup.tagKey() + " " + problem);
            }
        }
    }
}
