package com.sagemakermlops.config;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads raw stack settings (namespaced key to value tree) from a stack file or from the Pulumi engine. */
public final class ConfigSources {
    private static final Gson GSON = new Gson();

    private ConfigSources() {
    }

    /** The {@code config:} block of a {@code Pulumi.<stack>.yaml} file. */
    public static Map<String, Object> fromStackFile(Path file) {
        String where = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) {
            throw new InvalidConfigException(List.of(ConfigProblem.at(where, "stack file not found")));
        }
        try {
            return fromYaml(where, Files.readString(file));
        } catch (IOException e) {
            throw problem(where, "cannot be read: " + e.getMessage());
        }
    }

    /** The {@code config:} block of stack-file text; {@code where} names it in problems. */
    public static Map<String, Object> fromYaml(String where, String text) {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw problem(where, "is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        } catch (IllegalArgumentException e) {
            // a tagged scalar the tag cannot construct, such as !!binary with text that is not Base64
            throw problem(where, "is not valid YAML: " + e.getMessage());
        }
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
        map.forEach((k, v) -> settings.put(String.valueOf(k), v));
        return settings;
    }

    /**
     * The configuration the Pulumi engine hands a program in {@code PULUMI_CONFIG}: every value is a string, and
     * structured values (objects, lists) are JSON text.
     */
    public static Map<String, Object> fromPulumiEngine(String json) {
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
        raw.forEach((key, value) -> settings.put(key, value == null ? null : structured(value)));
        return settings;
    }

    private static Object structured(String value) {
        String trimmed = value.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return normalise(GSON.fromJson(trimmed, Object.class));
            } catch (JsonParseException e) {
                return value;
            }
        }
        return value;
    }

    /** Gson reads every number as a double: whole numbers become longs, as YAML gives them. */
    private static Object normalise(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfigSources::normalise).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
            return copy;
        }
        return value;
    }

    private static InvalidConfigException problem(String where, String message) {
        return new InvalidConfigException(List.of(ConfigProblem.at(where, message)));
    }
}
