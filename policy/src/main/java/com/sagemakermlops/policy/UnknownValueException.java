package com.sagemakermlops.policy;

/** Thrown by {@link Props} when a policy needs a value that is unknown during preview. */
public final class UnknownValueException extends RuntimeException {
    private final String property;

    public UnknownValueException(String property) {
        super(property + " is unknown during preview", null, false, false);
        this.property = property;
    }

    /** The property path, e.g. {@code environment.environmentVariables[0].type}. */
    public String property() {
        return property;
    }
}
