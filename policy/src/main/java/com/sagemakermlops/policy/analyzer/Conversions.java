package com.sagemakermlops.policy.analyzer;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.Printable;
import com.sagemakermlops.policy.PropertyValues;
import com.sagemakermlops.policy.Severity;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerPropertyDependencies;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;
import pulumirpc.AnalyzerOuterClass.PolicyConfigSchema;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;
import pulumirpc.AnalyzerOuterClass.PolicySeverity;
import pulumirpc.AnalyzerOuterClass.PolicyType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts between the analyzer protocol messages and the policy pack's types. */
final class Conversions {
    private static final Gson GSON = new Gson();

    private Conversions() {
    }

    static PolicyResource resource(AnalyzeRequest req) {
        String parent = req.hasOptions() ? emptyToNull(req.getOptions().getParent()) : null;
        String provider = req.hasProvider() ? emptyToNull(req.getProvider().getUrn()) : null;
        return new PolicyResource(req.getUrn(), req.getType(), req.getName(),
                PropertyValues.fromStruct(req.getProperties()), parent, provider, List.of());
    }

    static PolicyResource resource(AnalyzerResource r) {
        String parent = emptyToNull(r.getParent());
        if (parent == null && r.hasOptions()) {
            parent = emptyToNull(r.getOptions().getParent());
        }
        Set<String> deps = new LinkedHashSet<>(r.getDependenciesList());
        for (AnalyzerPropertyDependencies d : r.getPropertyDependenciesMap().values()) {
            deps.addAll(d.getUrnsList());
        }
        String provider = r.hasProvider() ? emptyToNull(r.getProvider().getUrn()) : null;
        return new PolicyResource(r.getUrn(), r.getType(), r.getName(), PropertyValues.fromStruct(r.getProperties()),
                parent, provider, new ArrayList<>(deps));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static pulumirpc.AnalyzerOuterClass.EnforcementLevel level(EnforcementLevel level) {
        return switch (level) {
            case ADVISORY -> pulumirpc.AnalyzerOuterClass.EnforcementLevel.ADVISORY;
            case MANDATORY -> pulumirpc.AnalyzerOuterClass.EnforcementLevel.MANDATORY;
            case DISABLED -> pulumirpc.AnalyzerOuterClass.EnforcementLevel.DISABLED;
        };
    }

    /**
     * The level the engine asks for. A level this pack does not know (a newer engine's, or a number no engine
     * sends) is refused rather than read as advisory, which would turn a mandatory policy off (fail open).
     */
    static EnforcementLevel level(String policy, PolicyConfig config) {
        return switch (config.getEnforcementLevel()) {
            case MANDATORY -> EnforcementLevel.MANDATORY;
            case DISABLED -> EnforcementLevel.DISABLED;
            case ADVISORY -> EnforcementLevel.ADVISORY;
            // This pack does not remediate: treat a request to remediate as blocking.
            case REMEDIATE -> EnforcementLevel.MANDATORY;
            default -> throw new IllegalArgumentException("policy " + Printable.of(policy) + ": unknown enforcement "
                    + "level " + config.getEnforcementLevelValue() + " (expected advisory, mandatory, disabled or "
                    + "remediate)");
        };
    }

    static PolicySeverity severity(Severity s) {
        return switch (s) {
            case LOW -> PolicySeverity.POLICY_SEVERITY_LOW;
            case MEDIUM -> PolicySeverity.POLICY_SEVERITY_MEDIUM;
            case HIGH -> PolicySeverity.POLICY_SEVERITY_HIGH;
            case CRITICAL -> PolicySeverity.POLICY_SEVERITY_CRITICAL;
        };
    }

    /**
     * A finding as a diagnostic. Suppressed findings are reported as advisory with a message starting with
     * {@code suppressed: <reason>}, so they stay visible and never block.
     */
    static AnalyzeDiagnostic diagnostic(PolicyFinding f, Policy policy) {
        boolean suppressed = f.suppressed();
        String message = suppressed ? "suppressed: " + f.reason() + " (" + f.message() + ")" : f.message();
        if (!suppressed && !f.message().startsWith(PolicyPack.UNDETERMINED_PREFIX)) {
            message = message + "\n" + policy.remediation();
        }
        return AnalyzeDiagnostic.newBuilder()
                .setPolicyName(f.policy())
                .setPolicyPackName(PolicyPack.NAME)
                .setPolicyPackVersion(PolicyPack.VERSION)
                .setDescription(policy.description())
                .setMessage(message)
                .setEnforcementLevel(level(suppressed ? EnforcementLevel.ADVISORY : f.level()))
                .setUrn(f.urn())
                .setSeverity(severity(f.severity()))
                .build();
    }

    static PolicyInfo policyInfo(Policy p, PolicyPackConfig config) {
        return PolicyInfo.newBuilder()
                .setName(p.name())
                .setDisplayName(p.displayName())
                .setDescription(p.description())
                .setMessage(p.remediation())
                .setEnforcementLevel(level(config.levelFor(p)))
                .setConfigSchema(PolicyConfigSchema.newBuilder().setProperties(PropertyValues.toStruct(p.configSchema())))
                .setPolicyType(p.isStackPolicy() ? PolicyType.POLICY_TYPE_STACK : PolicyType.POLICY_TYPE_RESOURCE)
                .setSeverity(severity(p.severity()))
                .addAllTags(p.coveredIds())
                .setRemediationSteps(p.remediation())
                .build();
    }

    static PolicyConfig initialConfig(Policy p) {
        return PolicyConfig.newBuilder()
                .setEnforcementLevel(level(p.defaultLevel()))
                .setProperties(PropertyValues.toStruct(p.defaultSettings()))
                .build();
    }

    /**
     * The pack configuration from a Configure request: one entry per policy named in it, read and validated as
     * {@code --policy-pack-config} JSON is (the request's level wins over an {@code enforcementLevel} property).
     */
    static PolicyPackConfig config(Map<String, PolicyConfig> byPolicy, PolicyPack pack) {
        JsonObject root = new JsonObject();
        byPolicy.forEach((name, c) -> {
            JsonObject entry = GSON.toJsonTree(PropertyValues.fromStruct(c.getProperties())).getAsJsonObject();
            entry.addProperty("enforcementLevel", level(name, c).toString());
            root.add(name, entry);
        });
        return PolicyPackConfig.parse(root.toString(), pack);
    }
}
