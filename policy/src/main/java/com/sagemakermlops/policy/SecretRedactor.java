package com.sagemakermlops.policy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps secret values out of messages: every string inside a {@link PropertyValues.Secret} (and, for
 * secrets holding JSON, every longer string inside that JSON) is replaced by {@code [secret]}.
 */
final class SecretRedactor {
    private static final int MIN_WHOLE = 4;
    private static final int MIN_JSON_LEAF = 8;
    private final List<String> secrets;

    private SecretRedactor(Set<String> secrets) {
        this.secrets = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    static SecretRedactor of(PolicyResource resource) {
        Set<String> found = new TreeSet<>();
        collect(resource.properties(), false, found);
        return new SecretRedactor(found);
    }

    private static void collect(Object v, boolean secret, Set<String> out) {
        if (v instanceof PropertyValues.Secret s) {
            collect(s.value(), true, out);
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(e -> collect(e, secret, out));
        } else if (v instanceof List<?> l) {
            l.forEach(e -> collect(e, secret, out));
        } else if (secret && v != null && v != PropertyValues.UNKNOWN) {
            String text = String.valueOf(v);
            if (text.length() >= MIN_WHOLE) {
                out.add(text);
            }
            jsonLeaves(text, out);
        }
    }

    private static void jsonLeaves(String text, Set<String> out) {
        String t = text.trim();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return;
        }
        try {
            leaves(JsonParser.parseString(t), out);
        } catch (RuntimeException e) {
            // not JSON: the whole value is already redacted
        }
    }

    private static void leaves(JsonElement e, Set<String> out) {
        if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> leaves(x.getValue(), out));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> leaves(x, out));
        } else if (e.isJsonPrimitive() && e.getAsString().length() >= MIN_JSON_LEAF) {
            out.add(e.getAsString());
        }
    }

    String redact(String message) {
        String out = message;
        for (String s : secrets) {
            out = out.replace(s, "[secret]");
        }
        return out;
    }
}
