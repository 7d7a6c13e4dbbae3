package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.iam.PolicyDocument;
import com.sagemakermlops.policy.iam.Statement;

import java.util.List;
import java.util.Set;

/** A key policy never allows every principal without a condition. */
public final class KmsKeyPolicyNoWildcardPrincipal extends ResourcePolicy {
    public KmsKeyPolicyNoWildcardPrincipal() {
        super("kms-key-policy-no-wildcard-principal",
                "KMS key policies do not allow the wildcard principal \"*\" without a condition.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Name the account root or specific roles as Principal, or add a Condition (e.g. "
                        + "kms:CallerAccount, kms:ViaService or aws:PrincipalOrgID) to the statement.",
                List.of("CKV_AWS_33"),
                Set.of(Types.KMS_KEY));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        PolicyDocument doc = DocumentProperty.parse(r, p, "policy", sink);
        if (doc == null) {
            return;
        }
        for (Statement st : doc.allows()) {
            if (st.principal() != null && st.principal().wildcard() && !st.hasConditions()) {
                sink.violation(r, "policy " + st.label() + " allows Principal \"*\" without a Condition");
            }
        }
    }
}
