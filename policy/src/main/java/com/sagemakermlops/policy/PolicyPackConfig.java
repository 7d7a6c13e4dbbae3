package com.sagemakermlops.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Policy configuration in Pulumi's {@code --policy-pack-config} format:
 * <pre>{"all": "mandatory", "s3-bucket-versioning-enabled": "disabled",
 *  "log-group-retention": {"enforcementLevel": "advisory", "minimumRetentionDays": 365}}</pre>
 * A policy's level is its own entry, else {@code all}, else its default level.
 */
public final class PolicyPackConfig {
    /** The configuration of one policy: an optional level and property values. */
    private record Entry(EnforcementLevel level, Map<String, Object> properties) {
        Entry {
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }
    }

    private static final String ALL = "all";
    private static final String LEVEL = "enforcementLevel";

    private final EnforcementLevel all;
    private final Map<String, Entry> entries;

    private PolicyPackConfig(EnforcementLevel all, Map<String, Entry> entries) {
        this.all = all;
        this.entries = Map.copyOf(entries);
    }

    /** No configuration: every policy at its default level with default settings. */
    public static PolicyPackConfig defaults() {
        return new PolicyPackConfig(null, Map.of());
    }

    /** Parses and validates against the policies of {@link PolicyPack#standard()}. */
    public static PolicyPackConfig parse(String json) {
        return parse(json, PolicyPack.standard());
    }

    /**
     * Parses and validates against the given pack.
     *
     * @throws IllegalArgumentException naming the offending key when the input is not valid
     */
    public static PolicyPackConfig parse(String json, PolicyPack pack) {
        JsonElement root;
        try {
            root = StrictJson.parse(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy pack config is not valid JSON: " + e.getMessage());
        }
        if (root.isJsonNull()) {
            return defaults();
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("policy pack config must be a JSON object of policy names");
        }
        EnforcementLevel all = null;
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
            String key = e.getKey();
            if (key.equals(ALL)) {
                all = parseEntry(key, e.getValue(), null).level();
                continue;
            }
            Policy policy = pack.policy(key).orElseThrow(() -> new IllegalArgumentException(
                    "policy pack config key '" + Printable.of(key) + "': no such policy in pack " + PolicyPack.NAME
                            + closest(key, pack)));
            entries.put(key, parseEntry(key, e.getValue(), policy));
        }
        return new PolicyPackConfig(all, entries);
    }

    private static String closest(String key, PolicyPack pack) {
        LevenshteinDistance distance = new LevenshteinDistance(3);
        return pack.policies().stream().map(Policy::name).filter(name -> distance.apply(key, name) >= 0)
                .min(java.util.Comparator.comparingInt(name -> distance.apply(key, name)))
                .map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    private static Entry parseEntry(String key, JsonElement value, Policy policy) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return new Entry(level(key, value.getAsString()), Map.of());
        }
        if (!value.isJsonObject()) {
            throw new IllegalArgumentException("policy pack config key '" + key
                    + "': expected an enforcement level string or an object");
        }
        EnforcementLevel level = null;
        Map<String, Object> props = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> p : value.getAsJsonObject().entrySet()) {
            String where = Printable.of(key + "." + p.getKey());
            if (p.getKey().equals(LEVEL)) {
                if (!p.getValue().isJsonPrimitive() || !p.getValue().getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("policy pack config key '" + where + "': expected a string");
                }
                level = level(where, p.getValue().getAsString());
                continue;
            }
            if (policy == null) {
                throw new IllegalArgumentException("policy pack config key '" + where
                        + "': 'all' only takes an enforcementLevel");
            }
            Map<String, Object> schema = policy.configSchema().get(p.getKey());
            if (schema == null) {
                throw new IllegalArgumentException("policy pack config key '" + where + "': unknown property"
                        + (policy.configSchema().isEmpty() ? " (the policy takes none)"
                        : " (expected one of " + policy.configSchema().keySet() + ")"));
            }
            props.put(p.getKey(), typed(where, schema, p.getValue()));
        }
        return new Entry(level, props);
    }

    private static EnforcementLevel level(String key, String text) {
        try {
            return EnforcementLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("policy pack config key '" + key + "': " + e.getMessage(), e);
        }
    }

    /** Checks a configuration value against its schema: its type, and for numbers the range, as written. */
    static Object typed(String where, Map<String, Object> schema, JsonElement v) {
        String type = String.valueOf(schema.get("type"));
        switch (type) {
            case "number":
            case "integer":
                if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                    return number(where, schema, type, v.getAsString());
                }
                break;
            case "boolean":
                if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()) {
                    return v.getAsBoolean();
                }
                break;
            case "array":
                if (v.isJsonArray()) {
                    List<Object> out = new ArrayList<>();
                    JsonArray arr = v.getAsJsonArray();
                    for (JsonElement e : arr) {
                        if (!(e instanceof JsonPrimitive prim) || !prim.isString()) {
                            throw new IllegalArgumentException("policy pack config key '" + where
                                    + "': expected an array of strings");
                        }
                        out.add(e.getAsString());
                    }
                    return out;
                }
                break;
            default:
                if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
                    return v.getAsString();
                }
        }
        throw new IllegalArgumentException("policy pack config key '" + where + "': expected " + type);
    }

    /** A number read exactly from its text and range-checked before it becomes a double: 1e400 is not infinity. */
    private static double number(String where, Map<String, Object> schema, String type, String text) {
        BigDecimal value;
        try {
            value = text.length() > 40 ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            value = null;
        }
        BigDecimal min = bound(schema.get("minimum"), BigDecimal.valueOf(-1_000_000_000L));
        BigDecimal max = bound(schema.get("maximum"), BigDecimal.valueOf(1_000_000_000L));
        boolean whole = value != null && value.stripTrailingZeros().scale() <= 0;
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0 || (type.equals("integer") && !whole)) {
            throw new IllegalArgumentException("policy pack config key '" + where + "': expected "
                    + (type.equals("integer") ? "a whole number" : "a number") + " from " + min.toPlainString()
                    + " to " + max.toPlainString() + ", got " + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
        }
        return value.doubleValue();
    }

    private static BigDecimal bound(Object schemaValue, BigDecimal fallback) {
        return schemaValue instanceof Number n ? new BigDecimal(n.toString()) : fallback;
    }

    /** The effective enforcement level of a policy. */
    public EnforcementLevel levelFor(Policy policy) {
        Entry e = entries.get(policy.name());
        if (e != null && e.level() != null) {
            return e.level();
        }
        return all != null ? all : policy.defaultLevel();
    }

    /** The effective settings of a policy: configured values over schema defaults. */
    public PolicySettings settingsFor(Policy policy) {
        Map<String, Object> values = new LinkedHashMap<>(policy.defaultSettings());
        Entry e = entries.get(policy.name());
        if (e != null) {
            values.putAll(e.properties());
        }
        return new PolicySettings(values);
    }
}
