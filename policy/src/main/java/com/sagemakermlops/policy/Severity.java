package com.sagemakermlops.policy;

import java.util.Locale;

/** How much harm a violation of a policy can do. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
