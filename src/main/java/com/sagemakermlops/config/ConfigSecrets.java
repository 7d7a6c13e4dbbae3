package com.sagemakermlops.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which configuration values are secret, taken out of the raw settings before they are parsed. Only values the
 * program can pass on as secret outputs may be secret: an external ID (the deploy role's trust condition, the
 * providers that assume it, the deploy build's environment) and the alert endpoint (the SNS subscription). Any other
 * key names or configures resources in the clear, so a secret there is refused rather than silently revealed.
 */
final class ConfigSecrets {
    static final List<String> SECRET_KEYS = List.of("deploy.preProdEnvironment.externalId",
            "deploy.prodEnvironment.externalId", "security.alertEndpoint");
    private static final String PREFIX = ConfigProblem.NAMESPACE + ":";

    /** The settings with every secret replaced by its value, and the key paths that are secret. */
    record Extracted(Map<String, Object> settings, Set<String> secretKeys) {
    }

    private ConfigSecrets() {
    }

    static Extracted extract(Map<String, Object> settings, ConfigNode.Problems problems) {
        Map<String, Object> plain = new LinkedHashMap<>();
        Set<String> secret = new LinkedHashSet<>();
        settings.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                // another namespace's secrets (aws:secretKey...) are its provider's business
                plain.put(key, value instanceof SecretValue s ? s.value() : value);
                return;
            }
            String path = key.substring(PREFIX.length());
            if (value instanceof SecretValue whole) {
                plain.put(key, wholeKeySecret(path, whole.value(), secret, problems));
            } else {
                plain.put(key, leaves(path, value, settings, secret, problems));
            }
        });
        return new Extracted(plain, Set.copyOf(secret));
    }

    /**
     * A key the engine lists as secret: its value, decrypted. For an object the secret may be any value inside it, so
     * every secret-capable key present in it is treated as secret; an object holding none of them has its secret
     * where it cannot stay one.
     */
    private static Object wholeKeySecret(String key, Object value, Set<String> secret, ConfigNode.Problems problems) {
        List<String> capable = new ArrayList<>();
        for (String path : SECRET_KEYS) {
            if (path.startsWith(key + ".") && present(value, path.substring(key.length() + 1))) {
                capable.add(path);
            }
        }
        if (capable.isEmpty()) {
            problems.add(key, "holds a secret value, but " + (value instanceof Map<?, ?> ? "none of its keys"
                    : "this key") + " can be secret: it names or configures resources in the clear; only "
                    + String.join(", ", SECRET_KEYS) + " may be set with --secret");
        }
        secret.addAll(capable);
        return value;
    }

    private static boolean present(Object value, String relativePath) {
        Object node = value;
        for (String part : relativePath.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return false;
            }
            node = map.get(part);
        }
        return node != null;
    }

    /** A value written in a stack file, where a {@code secure:} value marks the one key that is secret. */
    private static Object leaves(String path, Object value, Map<String, Object> settings, Set<String> secret,
                                 ConfigNode.Problems problems) {
        if (value instanceof SecretValue ciphertext) {
            if (!SECRET_KEYS.contains(path)) {
                problems.add(path, "cannot be secret: it names or configures resources in the clear; only "
                        + String.join(", ", SECRET_KEYS) + " may be set with --secret");
                return null;
            }
            secret.add(path);
            return ciphertext.known() ? ciphertext.value() : offlineStandIn(path, settings);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, leaves(path + "." + k, v, settings, secret, problems)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(leaves(path + "[" + i + "]", list.get(i), settings, secret, problems));
            }
            return copy;
        }
        return value;
    }

    /**
     * What an offline plan uses for a secret it cannot decrypt: a value of the key's shape (the alert endpoint's
     * follows its protocol), which the plan only ever shows as a secret.
     */
    private static String offlineStandIn(String path, Map<String, Object> settings) {
        if (!path.equals("security.alertEndpoint")) {
            return "offline-secret";
        }
        String protocol = Optional.ofNullable(settings.get(PREFIX + "security"))
                .filter(Map.class::isInstance).map(s -> ((Map<?, ?>) s).get("alertProtocol"))
                .map(String::valueOf).orElse("");
        return switch (protocol) {
            case "https" -> "https://offline-secret.invalid/";
            case "sqs" -> "arn:{{partition}}:sqs:{{region}}:{{account}}:offline-secret";
            case "lambda" -> "arn:{{partition}}:lambda:{{region}}:{{account}}:function:offline-secret";
            case "sms" -> "+10000000000";
            default -> "offline-secret@example.com";
        };
    }
}
