package com.sagemakermlops.plan;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.sagemakermlops.policy.StrictJson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resources of each stack of a plan JSON written by {@code ./mlops plan --json}. */
public final class PlanFile {
    private PlanFile() {
    }

    /** Stack name to resources; a text that is not such a plan is refused with what was expected. */
    public static Map<String, List<PlannedResource>> read(String json) {
        Map<String, List<PlannedResource>> stacks = new LinkedHashMap<>();
        JsonElement parsed;
        try {
            parsed = StrictJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getMessage());
        }
        try {
            Object document = new Gson().fromJson(parsed, Object.class);
            if (!(document instanceof Map<?, ?> plan) || !(plan.get("stacks") instanceof List<?> list)) {
                throw new IllegalArgumentException("expected a plan written by --json ({\"stacks\": [...]})");
            }
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> stack) || !(stack.get("resources") instanceof List<?> resources)) {
                    throw new IllegalArgumentException("expected each stack with its \"resources\"");
                }
                stacks.put(String.valueOf(stack.get("stack")), resources.stream()
                        .map(r -> PlannedResource.fromJson((Map<?, ?>) r)).toList());
            }
        } catch (JsonParseException | ClassCastException e) {
            throw new IllegalArgumentException("expected a plan written by --json (a resource is not an object)");
        }
        return stacks;
    }
}
