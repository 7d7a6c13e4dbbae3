package com.sagemakermlops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The configuration properties of one policy: configured values over the schema defaults. */
public final class PolicySettings {
    private final Map<String, Object> values;

    public PolicySettings(Map<String, Object> values) {
        this.values = values == null ? Map.of() : Map.copyOf(withoutNulls(values));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> in) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        in.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    public double number(String key, double fallback) {
        return values.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    public List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        if (values.get(key) instanceof List<?> l) {
            l.forEach(e -> out.add(String.valueOf(e)));
        }
        return out;
    }
}
