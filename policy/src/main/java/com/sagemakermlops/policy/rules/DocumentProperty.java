package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.iam.PolicyDocument;

/** A resource policy document held in one property (key, bucket, topic and trust policies). */
final class DocumentProperty {
    static final String NO_TLS_DENY = "policy has no Deny statement with Condition Bool aws:SecureTransport \"false\"";

    private DocumentProperty() {
    }

    /** The document in {@code property}; null when it is absent, or invalid (reported as a violation). */
    static PolicyDocument parse(PolicyResource r, Props p, String property, Policy.Sink sink) {
        try {
            return PolicyDocument.parse(p.raw(property), property);
        } catch (PolicyDocument.InvalidDocumentException e) {
            sink.violation(r, e.getMessage());
            return null;
        }
    }

    /**
     * Reports a {@code policy} that does not deny requests made without TLS; a missing policy is reported too
     * when {@code required}.
     */
    static void checkDeniesInsecureTransport(PolicyResource r, Props p, boolean required, Policy.Sink sink) {
        if (!p.has("policy")) {
            if (required) {
                sink.violation(r, NO_TLS_DENY);
            }
            return;
        }
        PolicyDocument doc = parse(r, p, "policy", sink);
        if (doc != null && !doc.deniesInsecureTransport()) {
            sink.violation(r, NO_TLS_DENY);
        }
    }
}
