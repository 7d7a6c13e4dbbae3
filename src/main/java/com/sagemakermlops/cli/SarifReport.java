package com.sagemakermlops.cli;

import com.sagemakermlops.config.TextFiles;
import com.google.common.hash.Hashing;
import com.google.gson.GsonBuilder;
import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.Severity;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy findings of a plan as SARIF 2.1.0 (OASIS), the format code scanning reads: one run of the policy pack,
 * one rule per policy (its description, remediation as help, default level, covered rule ids as tags and a
 * security-severity), one result per finding located in its stack file (at the configuration key it comes from when
 * there is one, see {@link ConfigOrigins}), suppressed findings with their reason as a SARIF suppression.
 */
final class SarifReport {
    static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    static final String SOURCE_ROOT = "%SRCROOT%";
    static final String FINGERPRINT = "mlopsFinding/v1";

    private final Path projectDir;
    private final List<Policy> policies = PolicyPack.standard().policies();
    private final List<Object> results = new ArrayList<>();

    /** An empty report of the stacks of the project in {@code projectDir}. */
    SarifReport(Path projectDir) {
        this.projectDir = projectDir;
    }

    /** Adds the findings of one planned stack. */
    void add(StackPlan plan) {
        StackFileLines lines = StackFileLines.of(CliFiles.read(plan.file(), plan.file().toString(), TextFiles.CONFIG_BYTES));
        for (PolicyFinding finding : plan.findings()) {
            results.add(result(plan, finding, indexOf(policies, finding.policy()), lines, projectDir));
        }
    }

    /** The SARIF log of the findings added so far. */
    String render() {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", PolicyPack.NAME);
        driver.put("fullName", "sagemaker-mlops policy pack");
        driver.put("version", PolicyPack.VERSION);
        driver.put("semanticVersion", PolicyPack.VERSION);
        driver.put("rules", policies.stream().map(SarifReport::rule).toList());

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", Map.of(SOURCE_ROOT, Map.of("uri", directoryUri(projectDir))));
        run.put("columnKind", "unicodeCodePoints");
        run.put("results", results);

        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log) + "\n";
    }

    private static Map<String, Object> rule(Policy policy) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", policy.name());
        rule.put("name", policy.displayName().replace(" ", ""));
        rule.put("shortDescription", Map.of("text", policy.displayName()));
        rule.put("fullDescription", Map.of("text", policy.description()));
        rule.put("help", Map.of("text", policy.remediation(),
                "markdown", "**Remediation:** " + policy.remediation() + (policy.coveredIds().isEmpty() ? ""
                        : "\n\nCovers: " + String.join(", ", policy.coveredIds().stream().map(id -> "`" + id + "`")
                        .toList()))));
        rule.put("defaultConfiguration", Map.of("level", level(policy.defaultLevel())));
        List<String> tags = new ArrayList<>(List.of("security", policy.severity().toString()));
        tags.addAll(policy.coveredIds());
        rule.put("properties", Map.of("tags", tags, "security-severity", securitySeverity(policy.severity()),
                "precision", "high"));
        return rule;
    }

    private static Map<String, Object> result(StackPlan plan, PolicyFinding finding, int ruleIndex,
                                              StackFileLines lines, Path projectDir) {
        Optional<String> keyPath = ConfigOrigins.keyPath(finding);
        int line = keyPath.flatMap(lines::line).or(lines::configBlock).orElse(1);

        Map<String, Object> artifact = new LinkedHashMap<>();
        Path file = plan.file().toAbsolutePath().normalize();
        Path root = projectDir.toAbsolutePath().normalize();
        if (file.startsWith(root)) {
            artifact.put("uri", root.relativize(file).toString().replace('\\', '/'));
            artifact.put("uriBaseId", SOURCE_ROOT);
        } else {
            artifact.put("uri", file.toUri().toString());
        }
        Map<String, Object> physical = new LinkedHashMap<>();
        physical.put("artifactLocation", artifact);
        physical.put("region", Map.of("startLine", line));
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("physicalLocation", physical);
        location.put("logicalLocations", List.of(Map.of("name", finding.name(), "fullyQualifiedName", finding.urn(),
                "kind", "resource")));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("stack", plan.stack());
        properties.put("resourceType", finding.type());
        properties.put("severity", finding.severity().toString());
        keyPath.ifPresent(path -> properties.put("keyPath", "sagemaker-mlops:" + path));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("ruleId", finding.policy());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(finding.level()));
        result.put("message", Map.of("text", "[" + finding.level() + "] " + finding.message() + " (" + finding.type()
                + ": " + finding.name() + ", stack " + plan.stack()
                + keyPath.map(path -> ", key sagemaker-mlops:" + path).orElse("") + ")"));
        result.put("locations", List.of(location));
        result.put("partialFingerprints", Map.of(FINGERPRINT, Hashing.sha256().hashString(
                plan.stack() + "\n" + finding.policy() + "\n" + finding.urn(), StandardCharsets.UTF_8).toString()));
        if (finding.suppressed()) {
            result.put("suppressions", List.of(Map.of("kind", "inSource", "status", "accepted",
                    "justification", finding.reason())));
        }
        result.put("properties", properties);
        return result;
    }

    private static int indexOf(List<Policy> policies, String name) {
        for (int i = 0; i < policies.size(); i++) {
            if (policies.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("finding of a policy the pack does not have: " + name);
    }

    /** SARIF's levels: a mandatory finding blocks (error), an advisory one warns. */
    static String level(EnforcementLevel level) {
        return switch (level) {
            case MANDATORY -> "error";
            case ADVISORY -> "warning";
            case DISABLED -> "none";
        };
    }

    /**
     * The 0.0-10.0 score GitHub code scanning ranks security rules by ({@code properties.security-severity}: above 9.0
     * critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low; docs.github.com/en/code-security/code-scanning/
     * integrating-with-code-scanning/sarif-support-for-code-scanning#reportingdescriptor-object).
     */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
        };
    }

    private static String directoryUri(Path directory) {
        String uri = directory.toAbsolutePath().normalize().toUri().toString();
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
