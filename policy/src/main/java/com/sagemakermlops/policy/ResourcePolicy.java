package com.sagemakermlops.policy;

import java.util.List;
import java.util.Set;

/** A policy that judges one resource at a time. */
public abstract class ResourcePolicy extends Policy {

    protected ResourcePolicy(String name, String description, Severity severity, EnforcementLevel defaultLevel,
                             String remediation, List<String> coveredIds, Set<String> resourceTypes) {
        super(name, description, severity, defaultLevel, remediation, coveredIds, resourceTypes);
    }

    @Override
    public final boolean isStackPolicy() {
        return false;
    }

    /**
     * Checks one resource whose type is one of {@link #resourceTypes()}. Reading an unknown value through
     * {@code props} throws {@link UnknownValueException}, which the pack reports as "could not be evaluated".
     */
    public abstract void check(PolicyResource resource, Props props, PolicySettings settings, Sink sink);
}
