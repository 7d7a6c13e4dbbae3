package com.sagemakermlops.stacks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sagemakermlops.policy.PolicyResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** Copies of recorded resources with some properties changed, the way a careless edit of a component would. */
final class PropertyEdits {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private PropertyEdits() {
    }

    /** A copy of {@code resource} whose (deep-copied) properties went through {@code edit}. */
    static PolicyResource edited(PolicyResource resource, Consumer<Map<String, Object>> edit) {
        Map<String, Object> properties = copyOf(resource.properties());
        edit.accept(properties);
        return new PolicyResource(resource.urn(), resource.type(), resource.name(), properties, resource.parent(),
                resource.provider(), resource.dependencies());
    }

    /** Sets the value at a path such as {@code rules[0].applyServerSideEncryptionByDefault.sseAlgorithm}. */
    static Consumer<Map<String, Object>> set(String path, Object value) {
        return properties -> parentOf(properties, path).put(last(path), value);
    }

    /** Removes the value at {@code path}, failing when there is none (the edit would test nothing). */
    static Consumer<Map<String, Object>> remove(String path) {
        return properties -> {
            if (parentOf(properties, path).remove(last(path)) == null) {
                throw new AssertionError("nothing to remove at " + path);
            }
        };
    }

    /** Rewrites the IAM policy JSON at {@code path} with {@code change}. */
    static Consumer<Map<String, Object>> document(String path, UnaryOperator<JsonObject> change) {
        return properties -> {
            Map<String, Object> parent = parentOf(properties, path);
            JsonObject json = GSON.fromJson((String) parent.get(last(path)), JsonObject.class);
            parent.put(last(path), GSON.toJson(change.apply(json)));
        };
    }

    /** The statements of a policy document, for changes to them. */
    static JsonArray statements(JsonObject document) {
        return document.getAsJsonArray("Statement");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parentOf(Map<String, Object> properties, String path) {
        Object node = properties;
        String[] steps = path.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            node = step(node, steps[i]);
        }
        return (Map<String, Object>) node;
    }

    /** One step of a path: {@code key} or {@code key[index]}. */
    private static Object step(Object node, String step) {
        int bracket = step.indexOf('[');
        Object value = ((Map<?, ?>) node).get(bracket < 0 ? step : step.substring(0, bracket));
        if (bracket >= 0) {
            value = ((List<?>) value).get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
        }
        if (value == null) {
            throw new AssertionError("no value at " + step);
        }
        return value;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T copyOf(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copyOf(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copyOf(v)));
            return (T) copy;
        }
        return value;
    }
}
