package com.sagemakermlops.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A policy of the pack: its metadata (name, description, severity, default enforcement level,
 * remediation, covered rule ids of cdk-nag, awsguard and checkov, and the resource types it looks at).
 * Subclasses are {@link ResourcePolicy} (one resource at a time) and {@link StackPolicy} (all resources).
 */
public abstract class Policy {
    private final String name;
    private final String description;
    private final Severity severity;
    private final EnforcementLevel defaultLevel;
    private final String remediation;
    private final List<String> coveredIds;
    private final Set<String> resourceTypes;

    protected Policy(String name, String description, Severity severity, EnforcementLevel defaultLevel,
                     String remediation, List<String> coveredIds, Set<String> resourceTypes) {
        if (!name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("policy name must be kebab-case: " + name);
        }
        this.name = name;
        this.description = description;
        this.severity = severity;
        this.defaultLevel = defaultLevel;
        this.remediation = remediation;
        this.coveredIds = List.copyOf(coveredIds);
        this.resourceTypes = Set.copyOf(resourceTypes);
    }

    public final String name() {
        return name;
    }

    /** A human title derived from the name, e.g. {@code Kms Key Rotation Enabled}. */
    public final String displayName() {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("-")) {
            if (b.length() > 0) {
                b.append(' ');
            }
            String word = switch (part) {
                case "kms", "s3", "iam", "sns", "ssm", "tls", "sse", "sg", "cmk", "ssh", "rdp", "id" ->
                        part.toUpperCase(Locale.ROOT);
                default -> Character.toUpperCase(part.charAt(0)) + part.substring(1);
            };
            b.append(word);
        }
        return b.toString();
    }

    public final String description() {
        return description;
    }

    public final Severity severity() {
        return severity;
    }

    public final EnforcementLevel defaultLevel() {
        return defaultLevel;
    }

    public final String remediation() {
        return remediation;
    }

    /** Equivalent rule ids of cdk-nag (AwsSolutions, NIST.800.53.R5, HIPAA.Security), awsguard and checkov. */
    public final List<String> coveredIds() {
        return coveredIds;
    }

    /** The resource type tokens this policy looks at. */
    public final Set<String> resourceTypes() {
        return resourceTypes;
    }

    public abstract boolean isStackPolicy();

    /** True when this policy looks at resources of the given type (an empty type set means every type). */
    public final boolean appliesTo(String type) {
        return resourceTypes.isEmpty() || resourceTypes.contains(type);
    }

    /** False for the policies that police suppressions themselves. */
    public boolean suppressible() {
        return true;
    }

    /** True when a suppression keyed by {@code id} (policy name or covered rule id) applies to this policy. */
    public final boolean answersTo(String id) {
        if (id.equalsIgnoreCase(name)) {
            return true;
        }
        return coveredIds.stream().anyMatch(c -> c.equalsIgnoreCase(id));
    }

    /**
     * JSON schemas of the policy's configuration properties (besides {@code enforcementLevel}), keyed by
     * property name; each schema has a {@code type} and a {@code default}.
     */
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of();
    }

    /** Default values of the configuration properties. */
    public final Map<String, Object> defaultSettings() {
        Map<String, Object> out = new LinkedHashMap<>();
        configSchema().forEach((k, schema) -> out.put(k, schema.get("default")));
        return out;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Receives the results of a policy check. */
    public interface Sink {
        /** The resource violates the policy; the message names the offending property or statement. */
        void violation(PolicyResource resource, String message);

        /** The policy could not decide because {@code property} is unknown during preview. */
        void undetermined(PolicyResource resource, String property);
    }
}
