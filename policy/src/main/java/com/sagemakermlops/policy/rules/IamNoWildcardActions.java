package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.iam.Statement;

import java.util.List;

/** Allow statements name actions, never "*", "service:*" or NotAction. */
public final class IamNoWildcardActions extends ResourcePolicy {
    public IamNoWildcardActions() {
        super("iam-no-wildcard-actions",
                "IAM policies do not allow \"*\" or \"service:*\" actions, nor NotAction in an Allow statement.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "List the specific actions the principal needs (e.g. s3:GetObject, s3:PutObject) instead of "
                        + "a wildcard.",
                List.of("AwsSolutions-IAM5", "NIST.800.53.R5-IAMPolicyNoStatementsWithAdminAccess",
                        "NIST.800.53.R5-IAMPolicyNoStatementsWithFullAccess",
                        "HIPAA.Security-IAMPolicyNoStatementsWithAdminAccess",
                        "HIPAA.Security-IAMPolicyNoStatementsWithFullAccess", "CKV_AWS_62", "CKV_AWS_63"),
                IamDocuments.TYPES);
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        for (IamDocuments.Doc doc : IamDocuments.permissions(r, p, sink, true)) {
            for (Statement st : doc.document().allows()) {
                if (st.hasNotAction()) {
                    sink.violation(r, doc.property() + " " + st.label() + " allows NotAction (every other action)");
                }
                List<String> wild = st.wildcardActions();
                if (!wild.isEmpty()) {
                    sink.violation(r, doc.property() + " " + st.label() + " allows wildcard action "
                            + String.join(", ", wild));
                }
            }
        }
    }
}
