package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.UnknownValueException;
import com.sagemakermlops.policy.iam.PolicyDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The permission policy documents an IAM resource carries, shared by the IAM policies. */
final class IamDocuments {
    /** Resource types that carry permission policy documents. */
    static final Set<String> TYPES = Set.of(Types.IAM_ROLE, Types.IAM_POLICY, Types.IAM_ROLE_POLICY);

    /** A parsed document and the property it came from, e.g. {@code inlinePolicies[0].policy}. */
    record Doc(String property, PolicyDocument document) {
    }

    private IamDocuments() {
    }

    /**
     * The permission documents of a role (inline policies), policy or role policy. A document that is unknown
     * during preview is reported as undetermined; an invalid one is reported as a violation when
     * {@code reportInvalid}, else skipped. The documents are parsed once for all the policies that read them.
     */
    static List<Doc> permissions(PolicyResource r, Props p, Policy.Sink sink, boolean reportInvalid) {
        List<Doc> out = new ArrayList<>();
        for (Parsed parsed : p.derived(IamDocuments.class, () -> parse(r, p))) {
            if (parsed.failure() instanceof UnknownValueException e) {
                sink.undetermined(r, e.property());
            } else if (parsed.failure() != null) {
                if (reportInvalid) {
                    sink.violation(r, parsed.failure().getMessage());
                }
            } else if (parsed.document() != null) {
                out.add(new Doc(parsed.property(), parsed.document()));
            }
        }
        return out;
    }

    /** One document source parsed: its document (null when it has none), or why it could not be. */
    private record Parsed(String property, PolicyDocument document, RuntimeException failure) {
    }

    private static List<Parsed> parse(PolicyResource r, Props p) {
        List<Object[]> sources = new ArrayList<>();
        if (r.type().equals(Types.IAM_ROLE)) {
            for (Props inline : p.objects("inlinePolicies")) {
                sources.add(new Object[]{inline.path("policy"), inline.raw("policy")});
            }
        } else {
            sources.add(new Object[]{"policy", p.raw("policy")});
        }
        List<Parsed> parsed = new ArrayList<>();
        for (Object[] src : sources) {
            String property = (String) src[0];
            try {
                parsed.add(new Parsed(property, PolicyDocument.parse(src[1], property), null));
            } catch (UnknownValueException | PolicyDocument.InvalidDocumentException e) {
                parsed.add(new Parsed(property, null, e));
            }
        }
        return List.copyOf(parsed);
    }
}
