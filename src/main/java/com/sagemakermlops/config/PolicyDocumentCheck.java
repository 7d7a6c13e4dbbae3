package com.sagemakermlops.config;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.sagemakermlops.components.iam.ManagedPolicyLimit;
import com.sagemakermlops.policy.iam.PolicyDocument;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A {@code buildPolicies[].policyDocument} read as IAM reads a customer-managed policy attached to a role, so what
 * IAM would refuse at creation is refused here, at the key path of the element: the grammar of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html (a Statement object or a non-empty
 * list of them; Effect Allow or Deny; one of Action/NotAction and one of Resource/NotResource, each a string or a
 * non-empty list of strings; no Principal in an identity policy) and the managed-policy size of
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html (6,144 characters, whitespace not
 * counted).
 */
final class PolicyDocumentCheck {
    private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Condition", "Principal", "NotPrincipal");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+");
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");

    private final String path;
    private final BiConsumer<String, String> problems;
    private boolean failed;

    /**
     * @param path     the document's key path, e.g. {@code training.buildPolicies[0].policyDocument}
     * @param problems receives (key path, message) for each problem
     */
    private PolicyDocumentCheck(String path, BiConsumer<String, String> problems) {
        this.path = path;
        this.problems = (at, message) -> {
            failed = true;
            problems.accept(at, message);
        };
    }

    /** The document as the JSON IAM receives (with {@code Version} first), when IAM would accept it. */
    static Optional<String> json(String path, Object document, BiConsumer<String, String> problems) {
        PolicyDocumentCheck check = new PolicyDocumentCheck(path, problems);
        check.document(document);
        if (check.failed) {
            return Optional.empty();
        }
        JsonObject json = new JsonObject();
        json.addProperty("Version", "2012-10-17");
        ((Map<?, ?>) document).forEach((k, v) -> json.add(String.valueOf(k), PolicyDocument.toJson(v)));
        String text = new GsonBuilder().disableHtmlEscaping().create().toJson(json);
        if (text.length() > ManagedPolicyLimit.CHARACTERS) {
            problems.accept(path, "expected at most " + ManagedPolicyLimit.CHARACTERS + " characters (IAM's limit of "
                    + "a managed policy, whitespace not counted), got " + text.length() + ": split it into several "
                    + "buildPolicies entries");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private void document(Object document) {
        if (!(document instanceof Map<?, ?> map)) {
            problems.accept(path, "expected an IAM policy document (an object with a Statement), got "
                    + ConfigNode.describe(document));
            return;
        }
        unknownKeys(path, map, DOCUMENT_KEYS);
        Object version = map.get("Version");
        if (map.containsKey("Version") && !(version instanceof String v && VERSIONS.contains(v))) {
            problems.accept(path + ".Version", "expected \"2012-10-17\", got " + ConfigNode.describe(version));
        }
        if (map.containsKey("Id") && !(map.get("Id") instanceof String)) {
            problems.accept(path + ".Id", "expected a string, got " + ConfigNode.describe(map.get("Id")));
        }
        Object statement = map.get("Statement");
        if (statement instanceof Map<?, ?> one) {
            statement(path + ".Statement", one);
        } else if (statement instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                String at = path + ".Statement[" + i + "]";
                if (list.get(i) instanceof Map<?, ?> s) {
                    statement(at, s);
                } else {
                    problems.accept(at, "expected a statement object, got " + ConfigNode.describe(list.get(i)));
                }
            }
        } else {
            problems.accept(path + ".Statement", "expected a statement object or a non-empty list of them, got "
                    + (statement == null ? "nothing" : statement instanceof List ? "an empty list"
                    : ConfigNode.describe(statement)));
        }
    }

    private void statement(String at, Map<?, ?> statement) {
        unknownKeys(at, statement, STATEMENT_KEYS);
        for (String principal : List.of("Principal", "NotPrincipal")) {
            if (statement.containsKey(principal)) {
                problems.accept(at + "." + principal, "is not allowed: IAM refuses a principal in a policy attached "
                        + "to a role (the role is the principal)");
            }
        }
        Object sid = statement.get("Sid");
        if (statement.containsKey("Sid") && !(sid instanceof String s && SID.matcher(s).matches())) {
            problems.accept(at + ".Sid", "expected letters and digits, got " + ConfigNode.describe(sid));
        }
        Object effect = statement.get("Effect");
        if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
            problems.accept(at + ".Effect", "expected Allow or Deny, got "
                    + (effect == null ? "nothing" : ConfigNode.describe(effect)));
        }
        oneOf(at, statement, "Action", "NotAction", ACTION,
                "\"*\" or service:action such as s3:GetObject (wildcards * and ? allowed)");
        oneOf(at, statement, "Resource", "NotResource", null, "\"*\" or an ARN");
        if (statement.containsKey("Condition")) {
            condition(at + ".Condition", statement.get("Condition"));
        }
    }

    private void oneOf(String at, Map<?, ?> statement, String key, String notKey, Pattern shape, String expected) {
        if (statement.containsKey(key) == statement.containsKey(notKey)) {
            problems.accept(at, "expected exactly one of " + key + " or " + notKey);
            return;
        }
        String which = statement.containsKey(key) ? key : notKey;
        Object value = statement.get(which);
        List<?> entries = value instanceof List<?> list ? list : List.of(value == null ? List.of() : value);
        if (value instanceof List<?> list && list.isEmpty()) {
            problems.accept(at + "." + which, "expected at least one entry, got an empty list");
        }
        for (int i = 0; i < entries.size(); i++) {
            String entryAt = at + "." + which + (value instanceof List ? "[" + i + "]" : "");
            Object entry = entries.get(i);
            boolean fits = entry instanceof String s && (shape != null ? shape.matcher(s).matches()
                    : s.equals("*") || s.startsWith("arn:"));
            if (!fits) {
                problems.accept(entryAt, "expected " + expected + ", got " + ConfigNode.describe(entry));
            }
        }
    }

    private void condition(String at, Object condition) {
        if (!(condition instanceof Map<?, ?> operators) || operators.isEmpty()) {
            problems.accept(at, "expected an object of condition operators, got " + ConfigNode.describe(condition));
            return;
        }
        operators.forEach((operator, keys) -> {
            String operatorAt = at + "." + operator;
            if (!(keys instanceof Map<?, ?> byKey) || byKey.isEmpty()) {
                problems.accept(operatorAt, "expected an object of condition keys to values, got "
                        + ConfigNode.describe(keys));
                return;
            }
            byKey.forEach((key, values) -> {
                List<?> list = values instanceof List<?> l ? l : List.of(values == null ? List.of() : values);
                for (int i = 0; i < list.size(); i++) {
                    if (!conditionValue(list.get(i))) {
                        problems.accept(operatorAt + "." + key + (values instanceof List ? "[" + i + "]" : ""),
                                "expected a string, number or true/false, got " + ConfigNode.describe(list.get(i)));
                    }
                }
            });
        });
    }

    private static boolean conditionValue(Object value) {
        return value instanceof String || value instanceof Boolean
                || (value instanceof Number && !(value instanceof Double d && !Double.isFinite(d)));
    }

    private void unknownKeys(String at, Map<?, ?> map, Set<String> known) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                String hint = DidYouMean.closest(String.valueOf(key), known)
                        .map(k -> " (did you mean \"" + k + "\"?)").orElse("");
                problems.accept(at + "." + key, "unknown element" + hint + "; expected one of "
                        + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }
}
