package com.sagemakermlops.policy.rules;

import java.util.List;
import java.util.Map;

/** JSON schemas of policy configuration properties. */
final class SettingSchemas {
    private SettingSchemas() {
    }

    /** A list of strings, empty by default. */
    static Map<String, Object> stringList(String description) {
        return Map.of("type", "array", "items", Map.of("type", "string"), "default", List.of(),
                "description", description);
    }
}
