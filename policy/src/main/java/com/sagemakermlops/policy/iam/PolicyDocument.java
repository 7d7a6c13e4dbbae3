package com.sagemakermlops.policy.iam;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.sagemakermlops.policy.PropertyValues;
import com.sagemakermlops.policy.UnknownValueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An IAM (or resource) policy document, parsed leniently the way AWS reads it: {@code Statement} may be
 * one object or a list; {@code Action}, {@code NotAction}, {@code Resource}, {@code NotResource} may be a
 * string or a list; {@code Principal} may be {@code "*"} or a map of principal types to a string or list.
 *
 * @param statements the statements in document order
 */
public record PolicyDocument(List<Statement> statements) {

    /** Thrown when the document is not valid JSON or not shaped like a policy document. */
    public static final class InvalidDocumentException extends RuntimeException {
        public InvalidDocumentException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Parses a property value holding a document: a JSON string or an already-structured map. Secrets are
     * unwrapped. Returns null when the value is absent.
     *
     * @param value    the property value
     * @param property the property path, for the unknown-value message
     * @throws UnknownValueException    when the document (or a part of it) is unknown during preview
     * @throws InvalidDocumentException when the document cannot be read
     */
    public static PolicyDocument parse(Object value, String property) {
        Object v = PropertyValues.unwrap(value);
        if (v == null) {
            return null;
        }
        if (PropertyValues.containsUnknown(v)) {
            throw new UnknownValueException(property);
        }
        JsonElement json;
        if (v instanceof String s) {
            if (s.isBlank()) {
                return null;
            }
            if (s.contains(PropertyValues.UNKNOWN_SIG)) {
                throw new UnknownValueException(property);
            }
            try {
                json = JsonParser.parseString(s);
            } catch (JsonParseException e) {
                throw new InvalidDocumentException(property + " is not valid JSON");
            }
        } else {
            json = toJson(PropertyValues.reveal(v));
        }
        if (!json.isJsonObject()) {
            throw new InvalidDocumentException(property + " is not a JSON object");
        }
        JsonElement st = json.getAsJsonObject().get("Statement");
        List<Statement> out = new ArrayList<>();
        List<JsonElement> raw = new ArrayList<>();
        if (st != null && st.isJsonArray()) {
            st.getAsJsonArray().forEach(raw::add);
        } else if (st != null && st.isJsonObject()) {
            raw.add(st);
        }
        for (int i = 0; i < raw.size(); i++) {
            if (!raw.get(i).isJsonObject()) {
                throw new InvalidDocumentException(property + " Statement[" + i + "] is not an object");
            }
            out.add(statement(i, raw.get(i).getAsJsonObject()));
        }
        return new PolicyDocument(List.copyOf(out));
    }

    private static Statement statement(int index, JsonObject o) {
        return new Statement(index, text(o.get("Sid")), text(o.get("Effect")),
                strings(o.get("Action")), strings(o.get("NotAction")),
                strings(o.get("Resource")), strings(o.get("NotResource")),
                principal(o.get("Principal")), principal(o.get("NotPrincipal")),
                o.has("NotAction"), conditions(o.get("Condition")));
    }

    private static String text(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    private static List<String> strings(JsonElement e) {
        List<String> out = new ArrayList<>();
        if (e == null || e.isJsonNull()) {
            return out;
        }
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> {
                if (x.isJsonPrimitive()) {
                    out.add(x.getAsString());
                }
            });
        } else if (e.isJsonPrimitive()) {
            out.add(e.getAsString());
        }
        return out;
    }

    private static Statement.Principal principal(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        if (e.isJsonPrimitive()) {
            return new Statement.Principal("*".equals(e.getAsString()), byType);
        }
        if (e.isJsonObject()) {
            for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
                byType.put(x.getKey(), strings(x.getValue()));
            }
        }
        boolean wildcard = byType.getOrDefault("AWS", List.of()).contains("*");
        return new Statement.Principal(wildcard, byType);
    }

    private static Map<String, Map<String, List<String>>> conditions(JsonElement e) {
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        if (e == null || !e.isJsonObject()) {
            return out;
        }
        for (Map.Entry<String, JsonElement> op : e.getAsJsonObject().entrySet()) {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            if (op.getValue().isJsonObject()) {
                for (Map.Entry<String, JsonElement> k : op.getValue().getAsJsonObject().entrySet()) {
                    keys.put(k.getKey().toLowerCase(Locale.ROOT), strings(k.getValue()));
                }
            }
            out.put(op.getKey(), keys);
        }
        return out;
    }

    /** A property value (maps, lists, strings, numbers, booleans, null) as the JSON it stands for. */
    public static JsonElement toJson(Object v) {
        if (v instanceof Map<?, ?> m) {
            JsonObject o = new JsonObject();
            m.forEach((k, x) -> o.add(String.valueOf(k), toJson(x)));
            return o;
        }
        if (v instanceof List<?> l) {
            com.google.gson.JsonArray a = new com.google.gson.JsonArray();
            l.forEach(x -> a.add(toJson(x)));
            return a;
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (v instanceof Number n) {
            return new JsonPrimitive(n);
        }
        return v == null ? com.google.gson.JsonNull.INSTANCE : new JsonPrimitive(String.valueOf(v));
    }

    /** The statements with {@code "Effect": "Allow"}. */
    public List<Statement> allows() {
        return statements.stream().filter(Statement::isAllow).toList();
    }

    /**
     * True when some Deny statement refuses requests that do not use TLS: a {@code Bool} (or
     * {@code BoolIfExists}) condition {@code aws:SecureTransport = false}, for every principal.
     */
    public boolean deniesInsecureTransport() {
        for (Statement s : statements) {
            if (!"Deny".equalsIgnoreCase(s.effect())) {
                continue;
            }
            boolean everyone = s.principal() == null || s.principal().wildcard()
                    || s.principal().byType().values().stream().anyMatch(l -> l.contains("*"));
            if (!everyone) {
                continue;
            }
            for (Map.Entry<String, Map<String, List<String>>> op : s.conditions().entrySet()) {
                if (!op.getKey().toLowerCase(Locale.ROOT).startsWith("bool")) {
                    continue;
                }
                List<String> v = op.getValue().get("aws:securetransport");
                if (v != null && v.stream().anyMatch(x -> x.equalsIgnoreCase("false"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
