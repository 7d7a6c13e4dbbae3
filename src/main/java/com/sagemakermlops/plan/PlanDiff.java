package com.sagemakermlops.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine would do going from one plan of a stack to the next: per resource, added, updated (which inputs),
 * replaced (which replace-forcing inputs, or what else forces it) or removed. It follows the engine's rules: a
 * provider's Diff forces a replacement on the replace-forcing inputs of the table, {@code replaceOnChanges} adds its
 * own; a replaced provider replaces every resource it manages; and a delete-before-replace first deletes the
 * dependents whose replace-forcing inputs come from the replaced resource (pulumi/pulumi pkg/resource/deploy
 * step_generator.go, calculateDependentReplacements), which are then created again after it.
 */
public final class PlanDiff {
    private final ReplaceForcing table;

    public PlanDiff(ReplaceForcing table) {
        this.table = table;
    }

    /** The changes from {@code before} to {@code after}, in URN order; unchanged resources are left out. */
    public List<ResourceChange> between(List<PlannedResource> before, List<PlannedResource> after) {
        Map<String, PlannedResource> old = byUrn(before);
        Map<String, PlannedResource> next = byUrn(after);
        Map<String, ResourceChange> changes = new LinkedHashMap<>();
        for (PlannedResource resource : next.values()) {
            if (resource.isRead()) {
                continue;
            }
            PlannedResource previous = old.get(resource.urn());
            if (previous == null) {
                changes.put(resource.urn(), change(resource.urn(), ResourceChange.Kind.ADDED, List.of(), List.of(),
                        Optional.empty(), null, resource));
            } else if (resource.custom()) {
                compare(previous, resource, changes);
            }
        }
        cascadeProviderReplacements(next, old, changes);
        cascadeDeletesBeforeReplacement(old, next, changes);
        for (PlannedResource resource : old.values()) {
            if (!next.containsKey(resource.urn()) && !resource.isRead()) {
                changes.put(resource.urn(), change(resource.urn(), ResourceChange.Kind.REMOVED, List.of(), List.of(),
                        Optional.empty(), resource, null));
            }
        }
        return changes.values().stream().sorted(Comparator.comparing(ResourceChange::urn)).toList();
    }

    private void compare(PlannedResource previous, PlannedResource resource, Map<String, ResourceChange> changes) {
        List<String> changed = InputDiff.paths(previous.inputs(), resource.inputs());
        Optional<ReplaceForcing.Row> row = table.row(resource.type());
        List<String> replacing = changed.stream()
                .filter(path -> row.map(r -> r.forcesReplacement(path)).orElse(false)
                        || resource.options().replaceOnChanges().stream()
                        .anyMatch(forcing -> ReplaceForcing.covers(forcing, path)))
                .toList();
        Optional<String> otherProvider = Objects.equals(previous.provider(), resource.provider()) ? Optional.empty()
                : Optional.of("its provider changed to " + resource.provider().orElse("the default provider"));
        if (!replacing.isEmpty() || otherProvider.isPresent()) {
            changes.put(resource.urn(), change(resource.urn(), ResourceChange.Kind.REPLACED, changed, replacing,
                    otherProvider, previous, resource));
        } else if (!changed.isEmpty()) {
            changes.put(resource.urn(), change(resource.urn(), ResourceChange.Kind.UPDATED, changed, List.of(),
                    Optional.empty(), previous, resource));
        }
    }

    /** Every resource of a replaced provider is replaced with it (and deleted through the old one). */
    private void cascadeProviderReplacements(Map<String, PlannedResource> next, Map<String, PlannedResource> old,
                                             Map<String, ResourceChange> changes) {
        Set<String> replacedProviders = new LinkedHashSet<>();
        changes.values().stream()
                .filter(c -> c.kind() == ResourceChange.Kind.REPLACED && c.type().startsWith("pulumi:providers:"))
                .forEach(c -> replacedProviders.add(c.urn()));
        for (PlannedResource resource : next.values()) {
            if (resource.provider().map(replacedProviders::contains).orElse(false) && old.containsKey(resource.urn())) {
                ResourceChange current = changes.get(resource.urn());
                if (current == null || current.kind() != ResourceChange.Kind.REPLACED) {
                    changes.put(resource.urn(), change(resource.urn(), ResourceChange.Kind.REPLACED,
                            current == null ? List.of() : current.changedInputs(), List.of(),
                            Optional.of("its provider " + resource.provider().get() + " is replaced"),
                            old.get(resource.urn()), resource));
                }
            }
        }
    }

    /**
     * A resource replaced delete-first takes with it, first, each dependent whose replace-forcing inputs come from
     * it: the engine diffs those inputs as unknown, which forces the dependent's replacement too.
     */
    private void cascadeDeletesBeforeReplacement(Map<String, PlannedResource> old, Map<String, PlannedResource> next,
                                                 Map<String, ResourceChange> changes) {
        Set<String> deletedFirst = new LinkedHashSet<>();
        changes.values().stream().filter(c -> c.kind() == ResourceChange.Kind.REPLACED && c.deletesFirst())
                .forEach(c -> deletedFirst.add(c.urn()));
        boolean grew = !deletedFirst.isEmpty();
        while (grew) {
            grew = false;
            for (PlannedResource dependent : old.values()) {
                if (!dependent.custom() || !next.containsKey(dependent.urn()) || deletedFirst.contains(dependent.urn())) {
                    continue;
                }
                Optional<String> root = forcedBy(dependent, deletedFirst);
                if (root.isPresent()) {
                    ResourceChange current = changes.get(dependent.urn());
                    changes.put(dependent.urn(), new ResourceChange(dependent.urn(), dependent.type(), dependent.name(),
                            ResourceChange.Kind.REPLACED, current == null ? List.of() : current.changedInputs(),
                            current == null ? List.of() : current.replacingInputs(),
                            Optional.of("it is deleted before " + root.get() + " is replaced"), true,
                            dependent.options().retainOnDelete(), Optional.of(dependent),
                            Optional.of(next.get(dependent.urn()))));
                    deletedFirst.add(dependent.urn());
                    grew = true;
                }
            }
        }
    }

    /** The deleted-first resource one of {@code dependent}'s replace-forcing inputs comes from, if any. */
    private Optional<String> forcedBy(PlannedResource dependent, Set<String> deletedFirst) {
        Optional<ReplaceForcing.Row> row = table.row(dependent.type());
        if (dependent.provider().map(deletedFirst::contains).orElse(false)) {
            return dependent.provider();
        }
        for (Map.Entry<String, List<String>> entry : dependent.propertyDependencies().entrySet()) {
            boolean forcing = row.map(r -> r.forcesReplacement(entry.getKey())).orElse(false)
                    || dependent.options().replaceOnChanges().stream()
                    .anyMatch(path -> ReplaceForcing.covers(path, entry.getKey()));
            Optional<String> root = entry.getValue().stream().filter(deletedFirst::contains).findFirst();
            if (forcing && root.isPresent()) {
                return root;
            }
        }
        return Optional.empty();
    }

    private ResourceChange change(String urn, ResourceChange.Kind kind, List<String> changed, List<String> replacing,
                                  Optional<String> replacedWith, PlannedResource before, PlannedResource after) {
        PlannedResource resource = after != null ? after : before;
        boolean deletesFirst = kind == ResourceChange.Kind.REPLACED && deletesFirst(after);
        boolean retained = before != null && before.options().retainOnDelete();
        return new ResourceChange(urn, resource.type(), resource.name(), kind, changed, replacing, replacedWith,
                deletesFirst, retained, Optional.ofNullable(before), Optional.ofNullable(after));
    }

    /**
     * The program's {@code deleteBeforeReplace} when it set one; else what the provider answers, which for pulumi-aws
     * is delete-first when the program set the name the provider would otherwise make up.
     */
    boolean deletesFirst(PlannedResource resource) {
        return resource.options().deleteBeforeReplace().orElseGet(() -> table.row(resource.type())
                .map(row -> row.providerDeletesFirst(resource.inputs())).orElse(false));
    }

    private static Map<String, PlannedResource> byUrn(List<PlannedResource> resources) {
        Map<String, PlannedResource> map = new LinkedHashMap<>();
        resources.forEach(r -> map.put(r.urn(), r));
        return map;
    }

    /** Leaf paths where two input trees differ, in Pulumi's property-path form. */
    static final class InputDiff {
        private InputDiff() {
        }

        static List<String> paths(Map<String, Object> before, Map<String, Object> after) {
            List<String> paths = new ArrayList<>();
            walk("", before, after, paths);
            return paths;
        }

        private static void walk(String path, Object before, Object after, List<String> paths) {
            if (before instanceof Map<?, ?> a && after instanceof Map<?, ?> b) {
                Set<Object> keys = new LinkedHashSet<>(a.keySet());
                keys.addAll(b.keySet());
                keys.stream().map(String::valueOf).sorted().forEach(key ->
                        walk(path.isEmpty() ? key : path + "." + key, a.get(key), b.get(key), paths));
            } else if (before instanceof List<?> a && after instanceof List<?> b) {
                for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                    walk(path + "[" + i + "]", i < a.size() ? a.get(i) : null, i < b.size() ? b.get(i) : null, paths);
                }
            } else if (!Objects.equals(normalized(before), normalized(after))) {
                paths.add(path);
            }
        }

        /** Numbers compare by value: plan JSON read back turns every integer into a double. */
        private static Object normalized(Object value) {
            return value instanceof Number number ? number.doubleValue() : value;
        }
    }
}
