package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.iam.Statement;

import java.util.List;

/** iam:PassRole names the roles and the service they may be passed to. */
public final class IamPassRoleRestricted extends ResourcePolicy {
    public IamPassRoleRestricted() {
        super("iam-passrole-restricted",
                "Statements allowing iam:PassRole name specific role ARNs and carry an iam:PassedToService condition.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set Resource to the role ARNs to pass and add Condition {StringEquals: {iam:PassedToService: "
                        + "\"sagemaker.amazonaws.com\"}} (or the service that receives the role).",
                List.of(),
                IamDocuments.TYPES);
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        for (IamDocuments.Doc doc : IamDocuments.permissions(r, p, sink, false)) {
            for (Statement st : doc.document().allows()) {
                if (!st.grants("iam:PassRole")) {
                    continue;
                }
                String where = doc.property() + " " + st.label();
                boolean wildcard = st.resources().isEmpty() || st.resources().stream()
                        .anyMatch(res -> res.equals("*") || res.endsWith(":role/*") || res.endsWith(":*"));
                boolean conditioned = st.hasConditionKey("iam:PassedToService");
                if (wildcard || !conditioned) {
                    sink.violation(r, where + " allows iam:PassRole"
                            + (wildcard ? " on any role" : "")
                            + (wildcard && !conditioned ? " and" : "")
                            + (conditioned ? "" : " without an iam:PassedToService condition"));
                }
            }
        }
    }
}
