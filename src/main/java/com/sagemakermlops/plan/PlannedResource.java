package com.sagemakermlops.plan;

import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.ResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource of a plan, as a diff needs it: from an offline run of the program, or read back from plan JSON.
 *
 * @param inputs               plain values ({@link PlanValues})
 * @param propertyDependencies per input property, the URNs its value came from
 */
public record PlannedResource(String urn, String type, String name, boolean custom, Optional<String> provider,
                              Map<String, Object> inputs, Map<String, List<String>> propertyDependencies,
                              ResourceOptions options) {

    public PlannedResource {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        propertyDependencies = Map.copyOf(propertyDependencies);
    }

    public static PlannedResource of(RecordedResource recorded) {
        @SuppressWarnings("unchecked")
        Map<String, Object> inputs = (Map<String, Object>) PlanValues.plain(recorded.inputValues());
        return new PlannedResource(recorded.urn(), recorded.type(), recorded.name(), recorded.custom(),
                recorded.provider(), inputs, recorded.propertyDependencies(), recorded.options());
    }

    /** A resource of plan JSON ({@code ./mlops plan --json}); plans written before options existed have none. */
    public static PlannedResource fromJson(Map<?, ?> json) {
        String type = String.valueOf(json.get("type"));
        Map<String, Object> inputs = new LinkedHashMap<>();
        if (json.get("inputs") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> inputs.put(String.valueOf(k), v));
        }
        Map<String, List<String>> byProperty = new LinkedHashMap<>();
        if (json.get("propertyDependencies") instanceof Map<?, ?> given) {
            given.forEach((k, v) -> byProperty.put(String.valueOf(k),
                    v instanceof List<?> urns ? urns.stream().map(String::valueOf).toList() : List.of()));
        }
        return new PlannedResource(String.valueOf(json.get("urn")), type, String.valueOf(json.get("name")),
                !type.startsWith("sagemaker-mlops:") && !type.equals(RecordedResource.STACK_TYPE),
                Optional.ofNullable(json.get("provider")).map(String::valueOf), inputs, byProperty,
                json.get("options") instanceof Map<?, ?> options ? ResourceOptions.fromMap(options)
                        : ResourceOptions.NONE);
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    /** Resources the engine reads rather than manages (stack references): never created, changed or replaced. */
    public boolean isRead() {
        return type.equals("pulumi:pulumi:StackReference");
    }
}
