package com.sagemakermlops.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A replacement that keeps the resource's physical name and so cannot work: created first (Pulumi's default), AWS
 * refuses a second resource of that name; kept on deletion ({@code retainOnDelete}), the old one still holds the name
 * when the replacement is created; deleted first (the program's {@code deleteBeforeReplace}, the provider's answer for
 * a name the program fixed, or the engine deleting a dependent first), it is re-created under the same name, so a
 * resource that refers to it by that name and is not replaced itself is never told of the change.
 */
public record ReplacementHazard(String urn, String type, String name, String message) {

    /** The hazards among {@code changes} to the resources {@code after}, in the order of the changes. */
    public static List<ReplacementHazard> in(List<ResourceChange> changes, List<PlannedResource> after,
                                             ReplaceForcing table) {
        List<ReplacementHazard> hazards = new ArrayList<>();
        Set<String> replaced = new HashSet<>();
        changes.stream().filter(c -> c.kind() == ResourceChange.Kind.REPLACED).forEach(c -> replaced.add(c.urn()));
        for (ResourceChange change : changes) {
            boolean managed = change.after().map(PlannedResource::custom).orElse(false);
            if (table.row(change.type()).isEmpty() && managed) {
                hazards.add(hazard(change, change.type()
                        + " is not in the replace-forcing table: what forces its replacement is unknown"));
                continue;
            }
            if (change.kind() != ResourceChange.Kind.REPLACED) {
                continue;
            }
            ReplaceForcing.Row row = table.row(change.type()).orElseThrow();
            Optional<String> kept = keptName(row, change.before().orElseThrow(), change.after().orElseThrow());
            if (kept.isEmpty()) {
                continue;
            }
            String why = change.replacingInputs().isEmpty()
                    ? change.replacedWith().orElse("it is replaced")
                    : "a change to " + String.join(", ", change.replacingInputs()) + " forces its replacement";
            List<String> unaware = after.stream()
                    .filter(r -> !replaced.contains(r.urn()) && refersTo(r, change.urn()))
                    .map(PlannedResource::name).toList();
            if (change.retained()) {
                hazards.add(hazard(change, why + " under the same name " + kept.get() + ", but the old one is kept"
                        + " in AWS (retainOnDelete): the replacement cannot be created beside it; name it after its"
                        + " replace-forcing inputs"));
            } else if (!change.deletesFirst()) {
                hazards.add(hazard(change, why + " while it keeps the name " + kept.get() + " without"
                        + " deleteBeforeReplace: Pulumi creates the replacement first and AWS refuses a second one of"
                        + " that name"));
            } else if (!unaware.isEmpty()) {
                hazards.add(hazard(change, why + ": it is deleted and created again under the same name "
                        + kept.get() + ", so " + String.join(", ", unaware) + ", which refer" + (unaware.size() == 1
                        ? "s" : "") + " to it and " + (unaware.size() == 1 ? "is" : "are") + " not replaced, never"
                        + " see the change; name it after its replace-forcing inputs"));
            }
        }
        return hazards;
    }

    private static ReplacementHazard hazard(ResourceChange change, String message) {
        return new ReplacementHazard(change.urn(), change.type(), change.name(), message);
    }

    private static boolean refersTo(PlannedResource resource, String urn) {
        return resource.propertyDependencies().values().stream().anyMatch(urns -> urns.contains(urn));
    }

    /** The physical name both sides share, when the replacement keeps it (in the same account and region). */
    static Optional<String> keptName(ReplaceForcing.Row row, PlannedResource before, PlannedResource after) {
        if (row.physicalName().isEmpty() || !Objects.equals(before.provider(), after.provider())) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (String property : row.physicalName()) {
            Object was = before.inputs().get(property);
            Object is = after.inputs().get(property);
            if (is == null || PlanValues.UNKNOWN.equals(is) || !Objects.equals(was, is)) {
                return Optional.empty();
            }
            values.add(String.valueOf(is));
        }
        return Optional.of(String.join("/", values));
    }
}
