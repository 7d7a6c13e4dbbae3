package com.sagemakermlops.components.iam;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A permissions boundary rendered to fit IAM's managed-policy size limit without allowing anything more: Allow
 * statements with the same resources and conditions become one statement with the union of their actions, and
 * copied Allow statements drop their Sids (they name duties of the roles, which keep them). Deny statements stay as
 * written.
 */
public final class BoundaryDocument {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private BoundaryDocument() {
    }

    /** {@link #compact} within IAM's managed-policy size limit. */
    public static String compacted(String document) {
        return ManagedPolicyLimit.within("the permissions boundary", compact(document));
    }

    /** The document with its Allow statements merged as the class describes, whatever its size. */
    public static String compact(String document) {
        Map<String, Object> parsed = GSON.fromJson(document, new TypeToken<LinkedHashMap<String, Object>>() { }.getType());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> statements = (List<Map<String, Object>>) parsed.get("Statement");
        Map<List<Object>, Set<Object>> allowed = new LinkedHashMap<>();
        List<Map<String, Object>> denied = new ArrayList<>();
        for (Map<String, Object> statement : statements) {
            if ("Allow".equals(statement.get("Effect"))) {
                allowed.computeIfAbsent(scope(statement), key -> new LinkedHashSet<>()).addAll(actions(statement));
            } else {
                denied.add(statement);
            }
        }
        List<Map<String, Object>> compact = new ArrayList<>();
        allowed.forEach((scope, actions) -> compact.add(allow(scope, actions)));
        compact.addAll(denied);
        parsed.put("Statement", compact);
        return GSON.toJson(parsed);
    }

    /** What a statement applies to: its resources and its conditions (null when it has none). */
    private static List<Object> scope(Map<String, Object> statement) {
        return Arrays.asList(statement.get("Resource"), statement.get("Condition"));
    }

    private static List<Object> actions(Map<String, Object> statement) {
        Object action = statement.get("Action");
        return action instanceof List<?> list ? List.copyOf(list) : List.of(Objects.requireNonNull(action));
    }

    private static Map<String, Object> allow(List<Object> scope, Set<Object> actions) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Action", actions.size() == 1 ? actions.iterator().next() : List.copyOf(actions));
        statement.put("Resource", scope.get(0));
        if (scope.get(1) != null) {
            statement.put("Condition", scope.get(1));
        }
        return statement;
    }
}
