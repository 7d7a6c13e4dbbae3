package com.sagemakermlops.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A stack's changes as {@code pulumi preview} shows them: one line per resource, then the counts and the hazards. */
public final class PlanDiffText {
    private PlanDiffText() {
    }

    public static List<String> lines(String stack, List<ResourceChange> changes, List<ReplacementHazard> hazards) {
        List<String> lines = new ArrayList<>();
        lines.add("Changes to stack " + stack + " against the base plan:");
        for (ResourceChange change : changes) {
            lines.add("  " + pad(change.kind().symbol()) + " " + change.type() + "  " + change.name() + "  "
                    + change.kind().verb() + detail(change));
        }
        Map<ResourceChange.Kind, Integer> counts = new TreeMap<>();
        changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));
        lines.add("  " + counts.getOrDefault(ResourceChange.Kind.ADDED, 0) + " to create, "
                + counts.getOrDefault(ResourceChange.Kind.UPDATED, 0) + " to update, "
                + counts.getOrDefault(ResourceChange.Kind.REPLACED, 0) + " to replace, "
                + counts.getOrDefault(ResourceChange.Kind.REMOVED, 0) + " to delete");
        for (ReplacementHazard hazard : hazards) {
            lines.add("  hazard: " + hazard.type() + "  " + hazard.name() + ": " + hazard.message());
        }
        return lines;
    }

    private static String detail(ResourceChange change) {
        List<String> parts = new ArrayList<>();
        if (!change.replacingInputs().isEmpty()) {
            parts.add("[replace: " + String.join(", ", change.replacingInputs()) + "]");
        }
        List<String> others = change.changedInputs().stream().filter(p -> !change.replacingInputs().contains(p)).toList();
        if (!others.isEmpty()) {
            parts.add("[diff: " + String.join(", ", others) + "]");
        }
        change.replacedWith().ifPresent(why -> parts.add("(" + why + ")"));
        if (change.kind() == ResourceChange.Kind.REPLACED) {
            parts.add(change.deletesFirst() ? "(delete first)" : "(create first)");
        }
        if (change.retained()) {
            parts.add("(the old one is kept in AWS)");
        }
        return parts.isEmpty() ? "" : " " + String.join(" ", parts);
    }

    private static String pad(String symbol) {
        return symbol.length() == 1 ? symbol + " " : symbol;
    }
}
