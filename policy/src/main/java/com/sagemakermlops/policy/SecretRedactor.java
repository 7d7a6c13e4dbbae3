package com.sagemakermlops.policy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secret values out of messages and suppression reasons, case-insensitively. A secret string of
 * {@value #MIN_WHOLE} characters or more is replaced by {@code [secret]} wherever it appears; so is a value inside
 * a secret that holds JSON of {@value #MIN_JSON_LEAF} or more. Shorter ones (an action {@code s3:*}, a port
 * {@code 22}, an effect {@code Allow}), numbers and booleans, the keys of secret maps, and the parts of a secret
 * value (the account of a secret ARN) are replaced where they stand as a word of their own, so a short fragment of a secret document cannot leak either ("allows wildcard
 * action [secret]") while the words of a message stay readable.
 */
final class SecretRedactor {
    static final int MIN_WHOLE = 4;
    static final int MIN_JSON_LEAF = 8;
    /** Characters that continue a word: a short fragment next to one of them is part of another word. */
    private static final String WORD = "[\\w*?:/@+=-]";
    /** What separates the parts of an ARN, a path or a list in a secret value. */
    private static final Pattern PARTS = Pattern.compile("[:/,=\"\\s]+");
    private final List<Pattern> patterns;

    private SecretRedactor(Set<String> anywhere, Set<String> words) {
        List<Pattern> out = new ArrayList<>();
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        anywhere.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(a -> out.add(Pattern.compile(Pattern.quote(a), flags)));
        words.stream().filter(w -> !anywhere.contains(w)).sorted(Comparator.comparingInt(String::length).reversed())
                .forEach(w -> out.add(Pattern.compile("(?<!" + WORD + ")" + Pattern.quote(w) + "(?!" + WORD + ")", flags)));
        this.patterns = List.copyOf(out);
    }

    static SecretRedactor of(PolicyResource resource) {
        Set<String> anywhere = new TreeSet<>();
        Set<String> words = new TreeSet<>();
        collect(resource.properties(), false, anywhere, words);
        return new SecretRedactor(anywhere, words);
    }

    private static void collect(Object v, boolean secret, Set<String> anywhere, Set<String> words) {
        if (v instanceof PropertyValues.Secret s) {
            collect(s.value(), true, anywhere, words);
        } else if (v instanceof Map<?, ?> m) {
            m.forEach((k, e) -> {
                if (secret) {
                    add(String.valueOf(k), words);
                }
                collect(e, secret, anywhere, words);
            });
        } else if (v instanceof List<?> l) {
            l.forEach(e -> collect(e, secret, anywhere, words));
        } else if (secret && v instanceof String text) {
            if (jsonLeaves(text, anywhere, words)) {
                add(text, anywhere);
            } else {
                addWithParts(text, text.trim().length() >= MIN_WHOLE ? anywhere : words, words);
            }
        } else if (secret && v instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            add(Long.toString(d.longValue()), words);
            add(String.valueOf(d), words);
        } else if (secret && v != null && v != PropertyValues.UNKNOWN) {
            add(String.valueOf(v), words);
        }
    }

    private static void add(String text, Set<String> out) {
        if (!text.isBlank()) {
            out.add(text.trim());
        }
    }

    /** A secret value and its parts (an account id inside a secret ARN is as secret as the ARN). */
    private static void addWithParts(String text, Set<String> whole, Set<String> words) {
        add(text, whole);
        for (String part : PARTS.split(text)) {
            if (part.length() >= 3 && !part.equals(text.trim())) {
                add(part, words);
            }
        }
    }

    /** Adds the leaves of a secret holding JSON; false when it holds none (it is then redacted as text). */
    private static boolean jsonLeaves(String text, Set<String> anywhere, Set<String> words) {
        String t = text.trim();
        if (!(t.startsWith("{") || t.startsWith("["))) {
            return false;
        }
        try {
            leaves(JsonParser.parseString(t), anywhere, words, 0);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void leaves(JsonElement e, Set<String> anywhere, Set<String> words, int depth) {
        if (depth > PropertyValues.MAX_DEPTH) {
            return;
        }
        if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(x -> leaves(x.getValue(), anywhere, words, depth + 1));
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(x -> leaves(x, anywhere, words, depth + 1));
        } else if (e.isJsonPrimitive()) {
            String leaf = e.getAsString();
            addWithParts(leaf, leaf.trim().length() >= MIN_JSON_LEAF ? anywhere : words, words);
        }
    }

    String redact(String message) {
        if (message == null) {
            return null;
        }
        String out = message;
        for (Pattern p : patterns) {
            out = p.matcher(out).replaceAll(Matcher.quoteReplacement("[secret]"));
        }
        return out;
    }
}
