package com.sagemakermlops.policy;

import java.util.List;
import java.util.Set;

/** A policy that needs several resources of the stack at once. */
public abstract class StackPolicy extends Policy {

    protected StackPolicy(String name, String description, Severity severity, EnforcementLevel defaultLevel,
                          String remediation, List<String> coveredIds, Set<String> resourceTypes) {
        super(name, description, severity, defaultLevel, remediation, coveredIds, resourceTypes);
    }

    @Override
    public final boolean isStackPolicy() {
        return true;
    }

    /** Checks all resources of the stack; reports against the resource at fault. */
    public abstract void check(List<PolicyResource> resources, PolicySettings settings, Sink sink);
}
