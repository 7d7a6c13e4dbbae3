package com.sagemakermlops.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A cursor over one object of the configuration tree. Every read names the key it expects, checks the type and
 * shape of the value, and reports a problem with the key's full path instead of throwing; {@link #finish()} reports
 * the keys nobody asked for as unknown, with a did-you-mean.
 */
final class ConfigNode {
    /** The most characters of a value a message repeats. */
    static final int MAX_SHOWN = 200;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]*)}}");

    private final String path;
    private final Map<String, Object> values;
    private final Problems problems;
    private final Function<String, Optional<String>> placeholders;
    private final Set<String> known = new LinkedHashSet<>();

    /** The shared list of problems of one parse, and every key path the parse knows. */
    static final class Problems {
        private final List<ConfigProblem> list = new ArrayList<>();
        private final Set<String> keys = new java.util.TreeSet<>();

        Set<String> keys() {
            return Set.copyOf(keys);
        }

        /** A problem with the key at {@code path} in this program's namespace. */
        void add(String path, String message) {
            list.add(ConfigProblem.ofKey(path, message));
        }

        /** A problem with a key of another namespace, such as {@code aws:region}. */
        void addOutside(String key, String message) {
            list.add(ConfigProblem.at(key, message));
        }

        List<ConfigProblem> list() {
            return List.copyOf(list);
        }
    }

    ConfigNode(String path, Map<String, Object> values, Problems problems,
               Function<String, Optional<String>> placeholders) {
        this.path = path;
        this.values = values;
        this.problems = problems;
        this.placeholders = placeholders;
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(pathOf(key), message);
    }

    private void declare(String key) {
        known.add(key);
        problems.keys.add(pathOf(key).replaceAll("\\[\\d+]", "[]"));
    }

    boolean has(String key) {
        declare(key);
        return values.get(key) != null;
    }

    Optional<String> string(String key) {
        return string(key, (Checks.Check) null);
    }

    String string(String key, String defaultValue) {
        return string(key, (Checks.Check) null).orElse(defaultValue);
    }

    Optional<String> string(String key, Checks.Check check) {
        declare(key);
        return text(pathOf(key), values.get(key), check);
    }

    Optional<String> required(String key, Checks.Check check) {
        Optional<String> value = string(key, check);
        if (values.get(key) == null) {
            problem(key, "is required");
        }
        return value;
    }

    boolean bool(String key, boolean defaultValue) {
        declare(key);
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Boolean.parseBoolean(s);
        }
        problem(key, "expected true or false, got " + describe(value));
        return defaultValue;
    }

    int integer(String key, int defaultValue, int min, int max) {
        declare(key);
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        Optional<BigInteger> number = wholeNumber(value);
        if (number.isEmpty() || number.get().compareTo(BigInteger.valueOf(min)) < 0
                || number.get().compareTo(BigInteger.valueOf(max)) > 0) {
            String range = max == Integer.MAX_VALUE ? "a whole number of at least " + min
                    : "a whole number from " + min + " to " + max;
            problem(key, "expected " + range + ", got " + describe(value) + spellingHint(value));
            return defaultValue;
        }
        return number.get().intValueExact();
    }

    <E> E choice(String key, Map<String, E> options, E defaultValue) {
        declare(key);
        Object value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String s && options.containsKey(s)) {
            return options.get(s);
        }
        problem(key, "expected one of " + String.join(" | ", options.keySet()) + ", got " + describe(value));
        return defaultValue;
    }

    List<String> strings(String key, Checks.Check check) {
        return list(key, (path, element) -> text(path, element, check));
    }

    Optional<ConfigNode> object(String key) {
        declare(key);
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        return asObject(pathOf(key), value);
    }

    List<ConfigNode> objects(String key) {
        return list(key, this::asObject);
    }

    /** The list at {@code key}, each element read at its path ({@code key[i]}); unreadable elements are left out. */
    private <T> List<T> list(String key, BiFunction<String, Object, Optional<T>> element) {
        declare(key);
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem(key, "expected a list, got " + describe(value));
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            element.apply(pathOf(key) + "[" + i + "]", list.get(i)).ifPresent(result::add);
        }
        return result;
    }

    /**
     * The value as it is (placeholders resolved), for free-form documents such as IAM policies: numbers JSON can
     * carry as written become JSON numbers with that text; other spellings stay {@link NumberLiteral}s for the
     * document's check to refuse.
     */
    Optional<Object> raw(String key) {
        declare(key);
        return Optional.ofNullable(values.get(key)).map(this::resolveDeep);
    }

    <T> Optional<T> map(Optional<ConfigNode> node, Function<ConfigNode, T> reader) {
        return node.map(n -> {
            T result = reader.apply(n);
            n.finish();
            return result;
        });
    }

    /** Reports every key present but never read as unknown. */
    void finish() {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                String hint = DidYouMean.closest(key, known).map(k -> " (did you mean \"" + k + "\"?)").orElse("");
                problems.add(pathOf(key), "unknown key" + hint + "; expected one of " + String.join(", ", known));
            }
        }
    }

    private Optional<ConfigNode> asObject(String at, Object value) {
        if (value instanceof Map<?, ?> map) {
            // YAML allows keys that are not strings ({1: x}): they are reported as unknown keys like any other.
            Map<String, Object> children = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> children.put(String.valueOf(k), v));
            return Optional.of(new ConfigNode(at, children, problems, placeholders));
        }
        problems.add(at, "expected an object, got " + describe(value));
        return Optional.empty();
    }

    private Optional<String> text(String at, Object value, Checks.Check check) {
        if (value == null) {
            return Optional.empty();
        }
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof NumberLiteral literal && literal.sameAsText()) {
            text = literal.text();
        } else if (value instanceof NumberLiteral literal) {
            problems.add(at, "expected a string, got the unquoted number " + literal.text() + " ("
                    + literal.reading() + "): quote it, \"" + literal.text() + "\"");
            return Optional.empty();
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            text = value.toString();
        } else {
            problems.add(at, "expected a string, got " + describe(value));
            return Optional.empty();
        }
        Optional<String> resolved = resolve(at, text);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        if (check != null) {
            Optional<String> expectation = check.expectation(resolved.get());
            if (expectation.isPresent()) {
                problems.add(at, "expected " + expectation.get() + ", got " + describe(resolved.get()));
                return Optional.empty();
            }
        }
        return resolved;
    }

    private Optional<String> resolve(String at, String text) {
        var matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String replacement = placeholders.apply(name).orElse(null);
            if (replacement == null) {
                problems.add(at, "expected a value, got the unresolved placeholder \"{{" + name + "}}\""
                        + (name.startsWith("context:")
                        ? " (pass --context " + name.substring(8) + "=VALUE to ./mlops import-mdaa, or write the value)"
                        : ""));
                return Optional.empty();
            }
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return Optional.of(out.toString());
    }

    private Object resolveDeep(Object value) {
        if (value instanceof String s) {
            return resolve(path, s).orElse(s);
        }
        if (value instanceof NumberLiteral literal && literal.json()) {
            return new com.google.gson.internal.LazilyParsedNumber(literal.text());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(this::resolveDeep).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), resolveDeep(v)));
            return copy;
        }
        return value;
    }

    /** Why a number spelt other than in plain decimal is not read, e.g. for {@code 0x10}, {@code 0755}, {@code 1e3}. */
    private static String spellingHint(Object value) {
        if (value instanceof NumberLiteral literal && !literal.json()) {
            return " (" + literal.reading() + ": write it in plain decimal)";
        }
        return "";
    }

    /** The exact whole number a value writes, in plain decimal only: nothing wraps, rounds or turns octal. */
    static Optional<BigInteger> wholeNumber(Object value) {
        if (value instanceof NumberLiteral literal) {
            return literal.wholeValue();
        }
        if (value instanceof String s) {
            return new NumberLiteral(s).wholeDecimal();
        }
        if (value instanceof Integer || value instanceof Long) {
            return Optional.of(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger b) {
            return Optional.of(b);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d)) {
                return Optional.of(new java.math.BigDecimal(d).toBigIntegerExact());
            }
        }
        return Optional.empty();
    }

    static String describe(Object value) {
        if (value instanceof String s) {
            return s.length() <= MAX_SHOWN ? "\"" + s + "\""
                    : "\"" + s.substring(0, MAX_SHOWN) + "...\" (" + s.length() + " characters)";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof byte[]) {
            return "binary data";
        }
        return String.valueOf(value);
    }
}
