package com.sagemakermlops.policy;

/**
 * One result of a policy evaluation.
 *
 * @param policy     the policy name
 * @param level      the enforcement level the finding is reported at
 * @param severity   the policy severity
 * @param urn        URN of the offending resource
 * @param type       type token of the offending resource
 * @param name       logical name of the offending resource
 * @param message    short message naming the offending property or statement (never a secret value)
 * @param suppressed true when a suppression on the resource covers this finding
 * @param reason     the suppression reason, or null when not suppressed
 */
public record PolicyFinding(String policy, EnforcementLevel level, Severity severity, String urn, String type,
                            String name, String message, boolean suppressed, String reason) {

    /** True when this finding should block a deployment: mandatory and not suppressed. */
    public boolean blocking() {
        return level == EnforcementLevel.MANDATORY && !suppressed;
    }

    /** The one-line form the command line prints: {@code [mandatory] policy (type: name) message}. */
    public String format() {
        String head = "[" + level + "] " + policy + " (" + type + ": " + name + ") " + message;
        return suppressed ? head + " [suppressed: " + reason + "]" : head;
    }

    PolicyFinding suppress(String why) {
        return new PolicyFinding(policy, level, severity, urn, type, name, message, true, why);
    }

    PolicyFinding withMessage(String text) {
        return new PolicyFinding(policy, level, severity, urn, type, name, text, suppressed, reason);
    }
}
