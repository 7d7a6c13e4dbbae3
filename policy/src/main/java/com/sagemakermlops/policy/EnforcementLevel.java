package com.sagemakermlops.policy;

import java.util.Locale;

/** How a policy violation is treated: advisory (warn), mandatory (block) or disabled (not evaluated). */
public enum EnforcementLevel {
    ADVISORY, MANDATORY, DISABLED;

    /** Parses {@code advisory}, {@code mandatory} or {@code disabled} (case-insensitive). */
    public static EnforcementLevel parse(String text) {
        if (text != null) {
            for (EnforcementLevel level : values()) {
                if (level.name().equalsIgnoreCase(text.trim())) {
                    return level;
                }
            }
        }
        String shown = text == null ? "" : Printable.of(text.length() > 40 ? text.substring(0, 40) + "..." : text);
        throw new IllegalArgumentException("unknown enforcement level '" + shown
                + "' (expected advisory, mandatory or disabled)");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
