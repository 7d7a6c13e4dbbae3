package com.sagemakermlops.cli;

import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyFinding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The human-readable plan: a resource tree per stack with its policy findings, and one summary line. Each stack's
 * part is text of its own, made as soon as the stack is planned, so its recording need not be kept.
 */
final class PlanReport {
    private final StringBuilder text = new StringBuilder();

    private PlanReport() {
    }

    /** One stack's part: its resource tree, its findings and a blank line. */
    static String of(StackPlan plan) {
        PlanReport report = new PlanReport();
        report.printTree(plan);
        report.printFindings(plan);
        report.println("");
        return report.text.toString();
    }

    private void println(String line) {
        text.append(line).append(System.lineSeparator());
    }

    private void printTree(StackPlan plan) {
        var config = plan.config();
        println("Stack " + plan.stack() + " (" + config.role().name().toLowerCase() + ", "
                + config.tier().name().toLowerCase() + ", " + config.region() + ")");
        plan.notes().forEach(note -> println("  note: " + note));
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
        println(root.type() + "  " + root.name());
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
            println(indent + (last ? "└─ " : "├─ ") + r.type() + "  " + r.name() + via);
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
            println("Policy: no violations");
            return;
        }
        println("Policy violations:");
        for (PolicyFinding f : findings) {
            String level = f.suppressed() ? "suppressed" : f.level().toString();
            println("    [" + level + "] " + f.policy() + " (" + f.type() + ": " + f.name() + ")");
            println("    " + f.message() + (f.suppressed() ? " (reason: " + f.reason() + ")" : ""));
        }
    }

    /** The counts the summary line gives, of one stack or (added up) of all. */
    record Totals(long stacks, long resources, long mandatory, long advisory, long suppressed) {
        static final Totals NONE = new Totals(0, 0, 0, 0, 0);

        static Totals of(StackPlan plan) {
            return new Totals(1, plan.recording().resources().size(), count(plan, EnforcementLevel.MANDATORY),
                    count(plan, EnforcementLevel.ADVISORY),
                    plan.findings().stream().filter(PolicyFinding::suppressed).count());
        }

        Totals plus(Totals other) {
            return new Totals(stacks + other.stacks, resources + other.resources, mandatory + other.mandatory,
                    advisory + other.advisory, suppressed + other.suppressed);
        }

        private static long count(StackPlan plan, EnforcementLevel level) {
            return plan.findings().stream().filter(f -> !f.suppressed() && f.level() == level).count();
        }
    }

    static String summary(Totals totals) {
        return "Summary: " + totals.stacks() + " stack" + (totals.stacks() == 1 ? "" : "s") + ", "
                + totals.resources() + " resources, " + totals.mandatory() + " mandatory, " + totals.advisory()
                + " advisory, " + totals.suppressed() + " suppressed policy findings: "
                + (totals.mandatory() == 0 ? "OK" : "BLOCKED");
    }
}
