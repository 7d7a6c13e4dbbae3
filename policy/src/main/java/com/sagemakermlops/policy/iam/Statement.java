package com.sagemakermlops.policy.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One statement of a policy document.
 *
 * @param index        position in the document (0-based)
 * @param sid          the Sid, or null
 * @param effect       Allow or Deny
 * @param actions      the Action entries
 * @param notActions   the NotAction entries
 * @param resources    the Resource entries
 * @param notResources the NotResource entries
 * @param principal    the Principal, or null
 * @param notPrincipal the NotPrincipal, or null
 * @param hasNotAction true when the statement uses NotAction
 * @param conditions   operator -> lower-cased condition key -> values
 */
public record Statement(int index, String sid, String effect, List<String> actions, List<String> notActions,
                        List<String> resources, List<String> notResources, Principal principal,
                        Principal notPrincipal, boolean hasNotAction,
                        Map<String, Map<String, List<String>>> conditions) {

    /**
     * A principal block.
     *
     * @param wildcard true for {@code "*"} or an AWS principal {@code "*"}
     * @param byType   principal type (AWS, Service, Federated, CanonicalUser) -> values
     */
    public record Principal(boolean wildcard, Map<String, List<String>> byType) {
        public List<String> aws() {
            return byType.getOrDefault("AWS", List.of());
        }
    }

    private static final Pattern SERVICE_WILDCARD = Pattern.compile("[A-Za-z0-9-]+:\\*");

    public boolean isAllow() {
        return "Allow".equalsIgnoreCase(effect);
    }

    /** {@code statement[2]} or {@code statement[2] (Sid ReadModels)}: how messages name a statement. */
    public String label() {
        return "statement[" + index + "]" + (sid == null || sid.isBlank() ? "" : " (Sid " + sid + ")");
    }

    /** True when some condition of any operator uses one of the keys (case-insensitive). */
    public boolean hasConditionKey(String... keys) {
        for (Map<String, List<String>> byKey : conditions.values()) {
            for (String k : keys) {
                if (byKey.containsKey(k.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean hasConditions() {
        return !conditions.isEmpty();
    }

    /** Actions that are {@code "*"} or {@code "service:*"}. */
    public List<String> wildcardActions() {
        return actions.stream().filter(a -> a.equals("*") || SERVICE_WILDCARD.matcher(a).matches()).toList();
    }

    /** True when some Action entry (with IAM wildcards) matches the given action, or NotAction does not exclude it. */
    public boolean grants(String action) {
        if (hasNotAction) {
            return notActions.stream().noneMatch(p -> matches(p, action));
        }
        return actions.stream().anyMatch(p -> matches(p, action));
    }

    /** IAM action matching: case-insensitive, {@code *} and {@code ?} wildcards, in bounded time ({@link Wildcard}). */
    public static boolean matches(String pattern, String action) {
        return Wildcard.matches(pattern, action);
    }
}
