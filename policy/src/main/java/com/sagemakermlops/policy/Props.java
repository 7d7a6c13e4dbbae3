package com.sagemakermlops.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Read access to a property map for policies: secrets are unwrapped, and reading a value that is
 * unknown during preview throws {@link UnknownValueException} naming the property path, so a policy
 * that needs the value reports "could not be evaluated" instead of passing silently.
 *
 * <p>{@link #has(String)} treats an unknown value as present: a property set to a computed output
 * is set, even though its value is not known yet.
 */
public final class Props {
    private final Map<String, Object> map;
    private final String path;
    private final Map<Object, Object> derived = new HashMap<>();

    public Props(Map<String, Object> map) {
        this(map, "");
    }

    private Props(Map<String, Object> map, String path) {
        this.map = map == null ? Map.of() : map;
        this.path = path;
    }

    /**
     * What {@code compute} works out from these properties, computed once for every policy that asks with the same
     * {@code key} (the policies evaluating one resource share its properties). A computation that throws is not
     * kept: the next to ask gets the same failure.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Supplier<T> compute) {
        if (!derived.containsKey(key)) {
            derived.put(key, compute.get());
        }
        return (T) derived.get(key);
    }

    /** The property path of {@code key} below this object. */
    public String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The raw value with secrets unwrapped; may be {@link PropertyValues#UNKNOWN}. */
    public Object raw(String key) {
        return PropertyValues.unwrap(map.get(key));
    }

    /** True when the property is set (not null); an unknown value counts as set. */
    public boolean has(String key) {
        Object v = raw(key);
        if (v instanceof String s) {
            return !s.isBlank();
        }
        return v != null;
    }

    public boolean isUnknown(String key) {
        return raw(key) == PropertyValues.UNKNOWN;
    }

    /** True when the value is a Pulumi secret. */
    public boolean isSecret(String key) {
        return map.get(key) instanceof PropertyValues.Secret;
    }

    private Object known(String key) {
        Object v = raw(key);
        if (v == PropertyValues.UNKNOWN) {
            throw new UnknownValueException(path(key));
        }
        return v;
    }

    /** The string value, or null when absent; numbers and booleans are rendered as text. */
    public String string(String key) {
        Object v = known(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Double d && d == Math.rint(d)) {
            return Long.toString(d.longValue());
        }
        return (v instanceof Map || v instanceof List) ? null : String.valueOf(v);
    }

    /** The boolean value, or null when absent; the strings "true"/"false" are accepted. */
    public Boolean bool(String key) {
        Object v = known(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        return null;
    }

    /** The numeric value, or null when absent or not a number. */
    public Double number(String key) {
        Object v = known(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** The nested object, or null when absent or not an object. */
    public Props object(String key) {
        Object v = known(key);
        return v instanceof Map<?, ?> m ? new Props(cast(m), path(key)) : null;
    }

    /** The list elements (secrets unwrapped, may contain unknowns); empty when absent. */
    public List<Object> list(String key) {
        Object v = known(key);
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(PropertyValues.unwrap(e)));
            return out;
        }
        return List.of();
    }

    /** The list of string elements; throws when an element is unknown. */
    public List<String> strings(String key) {
        Object v = known(key);
        if (v instanceof String s) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (Object e : knownElements(key)) {
            if (e != null) {
                out.add(String.valueOf(e));
            }
        }
        return out;
    }

    /** The list of object elements, each with its indexed path; throws when an element is unknown. */
    public List<Props> objects(String key) {
        Object v = known(key);
        if (v instanceof Map<?, ?> m) {
            return List.of(new Props(cast(m), path(key)));
        }
        List<Props> out = new ArrayList<>();
        List<Object> items = knownElements(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> m) {
                out.add(new Props(cast(m), path(key) + "[" + i + "]"));
            }
        }
        return out;
    }

    /** The list elements (secrets unwrapped); throws, naming the indexed path, when an element is unknown. */
    private List<Object> knownElements(String key) {
        List<Object> items = list(key);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == PropertyValues.UNKNOWN) {
                throw new UnknownValueException(path(key) + "[" + i + "]");
            }
        }
        return items;
    }

    /** The string-to-string map (e.g. tags), secrets unwrapped and unknown entries dropped. */
    public Map<String, String> stringMap(String key) {
        Object v = raw(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, e) -> {
                Object u = PropertyValues.unwrap(e);
                if (u != null && u != PropertyValues.UNKNOWN) {
                    out.put(String.valueOf(k), String.valueOf(u));
                }
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
