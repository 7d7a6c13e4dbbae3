package com.sagemakermlops.plan;

import com.sagemakermlops.policy.PropertyValues;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Property values as plan JSON holds them: unknowns and secrets as markers, object keys sorted. */
public final class PlanValues {
    public static final String UNKNOWN = "<unknown>";
    public static final String SECRET = "<secret>";

    private PlanValues() {
    }

    /** {@code value} with unknowns and secrets replaced by their markers (never the secret itself). */
    public static Object plain(Object value) {
        if (value == PropertyValues.UNKNOWN) {
            return UNKNOWN;
        }
        if (value instanceof PropertyValues.Secret) {
            return SECRET;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlanValues::plain).toList();
        }
        return value;
    }
}
