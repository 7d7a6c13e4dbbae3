package com.sagemakermlops.config;

/** The provisioner tiers; each includes everything of the tiers before it. */
public enum Tier {
    STARTER, PROFESSIONAL, ENTERPRISE;

    public boolean atLeast(Tier other) {
        return compareTo(other) >= 0;
    }
}
