package com.sagemakermlops.config;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads raw stack settings (namespaced key to value tree) from a stack file or from the Pulumi engine. */
public final class ConfigSources {
    private static final Gson GSON = new Gson();
    /** Reads structured values with every number kept as written. */
    private static final Gson LITERAL_NUMBERS = new GsonBuilder()
            .setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER).create();

    private ConfigSources() {
    }

    /** The {@code config:} block of a {@code Pulumi.<stack>.yaml} file. */
    public static Map<String, Object> fromStackFile(Path file) {
        String where = String.valueOf(file.getFileName());
        String text;
        try {
            text = TextFiles.read(file, TextFiles.CONFIG_BYTES);
        } catch (TextFiles.UnreadableException e) {
            throw problem(where, "stack file " + e.getMessage());
        }
        return fromYaml(where, text);
    }

    /** The {@code config:} block of stack-file text; {@code where} names it in problems. */
    public static Map<String, Object> fromYaml(String where, String text) {
        Object document = StrictYaml.load(where, text);
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> top)) {
            throw problem(where, "expected a YAML mapping with a config: block");
        }
        Object config = top.get("config");
        if (config == null) {
            return Map.of();
        }
        if (!(config instanceof Map<?, ?> map)) {
            throw problem(where + ": config", "expected a mapping of namespace:key to values");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        map.forEach((k, v) -> settings.put(String.valueOf(k), ciphertextsMarked(v)));
        return settings;
    }

    /** A stack file's {@code {secure: <ciphertext>}} values (what {@code pulumi config set --secret} writes), marked. */
    private static Object ciphertextsMarked(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.get("secure") instanceof String) {
                return new SecretValue(null, false);
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, ciphertextsMarked(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigSources::ciphertextsMarked).toList();
        }
        return value;
    }

    /** The configuration the Pulumi engine hands a program, without secret keys (see the two-argument form). */
    public static Map<String, Object> fromPulumiEngine(String json) {
        return fromPulumiEngine(json, null);
    }

    /**
     * The configuration the Pulumi engine hands a program, read as the Java SDK reads it
     * ({@code com.pulumi.deployment.internal.DeploymentImpl.Config}): {@code PULUMI_CONFIG} is a JSON object of strings
     * (structured values as JSON text) whose keys may still carry the legacy {@code :config:} segment, and
     * {@code PULUMI_CONFIG_SECRET_KEYS} a JSON array of the keys whose values are secret. A key holding an object is
     * listed whole when any value inside it is secret (pulumi/pulumi sdk/go/common/resource/config/map.go
     * {@code SecureKeys}). An empty object is the default {@code Pulumi.yaml} declares for an object key (so it is not
     * required in every stack) and means the key is not set.
     */
    public static Map<String, Object> fromPulumiEngine(String json, String secretKeysJson) {
        Set<String> secretKeys = secretKeys(secretKeysJson);
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, String> raw;
        try {
            raw = GSON.fromJson(json, new TypeToken<Map<String, String>>() { }.getType());
        } catch (JsonParseException e) {
            raw = null;
        }
        if (raw == null) {
            throw problem("PULUMI_CONFIG", "is not a JSON object of strings");
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            String clean = withoutConfigSegment(key);
            Object parsed = value == null ? null : structured(clean, value);
            if (parsed instanceof Map<?, ?> map && map.isEmpty()) {
                return;
            }
            settings.put(clean, secretKeys.contains(key) || secretKeys.contains(clean)
                    ? new SecretValue(parsed, true) : parsed);
        });
        return settings;
    }

    private static Set<String> secretKeys(String json) {
        if (json == null || json.isBlank()) {
            return Set.of();
        }
        List<String> keys;
        try {
            keys = GSON.fromJson(json, new TypeToken<List<String>>() { }.getType());
        } catch (JsonParseException e) {
            keys = null;
        }
        if (keys == null || keys.contains(null)) {
            throw problem("PULUMI_CONFIG_SECRET_KEYS", "is not a JSON array of strings");
        }
        return Set.copyOf(keys);
    }

    /** {@code project:config:key} is {@code project:key} (the SDK's {@code cleanKey}). */
    private static String withoutConfigSegment(String key) {
        int colon = key.indexOf(':');
        return colon > 0 && key.startsWith("config:", colon + 1)
                ? key.substring(0, colon) + ":" + key.substring(colon + 1 + "config:".length()) : key;
    }

    private static Object structured(String key, String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return literalNumbers(key, LITERAL_NUMBERS.fromJson(trimmed, Object.class), 0);
            } catch (JsonParseException e) {
                return value;
            }
        }
        return value;
    }

    /** Numbers as {@link NumberLiteral}s of their JSON text (Gson keeps the text in a lazily parsed number). */
    private static Object literalNumbers(String key, Object value, int depth) {
        if (depth > StrictYaml.MAX_DEPTH) {
            throw problem(key, "expected a value nested at most " + StrictYaml.MAX_DEPTH + " levels deep");
        }
        if (value instanceof Number number) {
            return new NumberLiteral(number.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> literalNumbers(key, v, depth + 1)).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), literalNumbers(key, v, depth + 1)));
            return copy;
        }
        return value;
    }

    private static InvalidConfigException problem(String where, String message) {
        return new InvalidConfigException(List.of(ConfigProblem.at(where, message)));
    }
}
