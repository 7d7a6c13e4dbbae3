package com.sagemakermlops.cli;

import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyFinding;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The human-readable plan: a resource tree per stack, the policy findings, and one summary line. */
final class PlanReport {
    private final PrintStream out;

    PlanReport(PrintStream out) {
        this.out = out;
    }

    void print(List<StackPlan> plans) {
        for (StackPlan plan : plans) {
            printTree(plan);
            printFindings(plan);
            out.println();
        }
        out.println(summary(plans));
    }

    private void printTree(StackPlan plan) {
        var config = plan.config();
        out.println("Stack " + plan.stack() + " (" + config.role().name().toLowerCase() + ", "
                + config.tier().name().toLowerCase() + ", " + config.region() + ")");
        plan.notes().forEach(note -> out.println("  note: " + note));
        Map<String, List<RecordedResource>> children = new LinkedHashMap<>();
        Map<String, String> providerNames = new LinkedHashMap<>();
        RecordedResource root = null;
        for (RecordedResource r : plan.recording().resources()) {
            if (r.type().equals(RecordedResource.STACK_TYPE)) {
                root = r;
            } else {
                children.computeIfAbsent(r.parent().orElse(""), k -> new ArrayList<>()).add(r);
            }
            if (r.isProvider()) {
                providerNames.put(r.urn(), r.name());
            }
        }
        if (root == null) {
            return;
        }
        out.println(root.type() + "  " + root.name());
        printChildren(root.urn(), "", children, providerNames);
    }

    private void printChildren(String parentUrn, String indent, Map<String, List<RecordedResource>> children,
                               Map<String, String> providerNames) {
        List<RecordedResource> list = children.getOrDefault(parentUrn, List.of()).stream()
                .sorted(Comparator.comparing((RecordedResource r) -> r.custom() ? 1 : 0)
                        .thenComparing(RecordedResource::type).thenComparing(RecordedResource::name))
                .toList();
        for (int i = 0; i < list.size(); i++) {
            RecordedResource r = list.get(i);
            boolean last = i == list.size() - 1;
            String via = r.provider().map(p -> "  [provider " + providerNames.getOrDefault(p, p) + "]").orElse("");
            out.println(indent + (last ? "└─ " : "├─ ") + r.type() + "  " + r.name() + via);
            printChildren(r.urn(), indent + (last ? "   " : "│  "), children, providerNames);
        }
    }

    private void printFindings(StackPlan plan) {
        List<PolicyFinding> findings = plan.findings().stream()
                .sorted(Comparator.comparing((PolicyFinding f) -> f.suppressed() ? 1 : 0)
                        .thenComparing(f -> f.level().ordinal() * -1)
                        .thenComparing(PolicyFinding::policy).thenComparing(PolicyFinding::name))
                .toList();
        if (findings.isEmpty()) {
            out.println("Policy: no violations");
            return;
        }
        out.println("Policy violations:");
        for (PolicyFinding f : findings) {
            String level = f.suppressed() ? "suppressed" : f.level().toString();
            out.println("    [" + level + "] " + f.policy() + " (" + f.type() + ": " + f.name() + ")");
            out.println("    " + f.message() + (f.suppressed() ? " (reason: " + f.reason() + ")" : ""));
        }
    }

    static String summary(List<StackPlan> plans) {
        long resources = plans.stream().mapToLong(p -> p.recording().resources().size()).sum();
        long mandatory = count(plans, EnforcementLevel.MANDATORY);
        long advisory = count(plans, EnforcementLevel.ADVISORY);
        long suppressed = plans.stream().flatMap(p -> p.findings().stream()).filter(PolicyFinding::suppressed).count();
        return "Summary: " + plans.size() + " stack" + (plans.size() == 1 ? "" : "s") + ", " + resources
                + " resources, " + mandatory + " mandatory, " + advisory + " advisory, " + suppressed
                + " suppressed policy findings: " + (mandatory == 0 ? "OK" : "BLOCKED");
    }

    private static long count(List<StackPlan> plans, EnforcementLevel level) {
        return plans.stream().flatMap(p -> p.findings().stream())
                .filter(f -> !f.suppressed() && f.level() == level).count();
    }
}
