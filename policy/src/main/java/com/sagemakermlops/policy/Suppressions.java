package com.sagemakermlops.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Suppressions carried by a resource as tags: key {@code mlops:suppress:<policy-name-or-rule-id>},
 * value the reason (at least {@value PolicyPack#MIN_REASON_LENGTH} characters to take effect).
 */
public final class Suppressions {
    /** One suppression tag. */
    public record Suppression(String id, String reason, String tagKey) {
        /** True when the reason is long enough for the suppression to take effect. */
        public boolean valid() {
            return reason != null && reason.trim().length() >= PolicyPack.MIN_REASON_LENGTH;
        }
    }

    private Suppressions() {
    }

    /** The suppression tags of a resource, in tag order (unknown tag values are skipped). */
    public static List<Suppression> of(PolicyResource resource) {
        List<Suppression> out = new ArrayList<>();
        Map<String, String> tags = new Props(resource.properties()).stringMap("tags");
        tags.forEach((key, value) -> {
            if (key.startsWith(PolicyPack.SUPPRESSION_TAG_PREFIX)) {
                String id = key.substring(PolicyPack.SUPPRESSION_TAG_PREFIX.length()).trim();
                out.add(new Suppression(id, value == null ? "" : value.trim(), key));
            }
        });
        return out;
    }
}
