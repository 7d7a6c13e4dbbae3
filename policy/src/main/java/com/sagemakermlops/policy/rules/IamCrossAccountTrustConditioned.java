package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.iam.ArnText;
import com.sagemakermlops.policy.iam.PolicyDocument;
import com.sagemakermlops.policy.iam.Statement;

import java.util.List;
import java.util.Map;

/** A role trusted by another account (or by anyone) requires an ExternalId or organisation condition. */
public final class IamCrossAccountTrustConditioned extends ResourcePolicy {
    static final String TRUSTED = "trustedAccountIds";
    private static final String[] KEYS = {"sts:ExternalId", "aws:PrincipalOrgID", "aws:PrincipalArn"};

    public IamCrossAccountTrustConditioned() {
        super("iam-cross-account-trust-conditioned",
                "Role trust policies that let another AWS account (or any principal) assume the role require an "
                        + "sts:ExternalId, aws:PrincipalOrgID or aws:PrincipalArn condition.",
                Severity.CRITICAL, EnforcementLevel.MANDATORY,
                "Add Condition {StringEquals: {sts:ExternalId: ...}} or {StringEquals: {aws:PrincipalOrgID: ...}} "
                        + "to the trust statement, or list this platform's own accounts in trustedAccountIds.",
                List.of(),
                java.util.Set.of(Types.IAM_ROLE));
    }

    /** The account an AWS principal names: an account id, or the account of an IAM or STS ARN. */
    private static String account(String principal) {
        if (ArnText.isAccount(principal.trim())) {
            return principal.trim();
        }
        return ArnText.parse(principal).filter(a -> a.service().equals("iam") || a.service().equals("sts"))
                .flatMap(a -> a.accountId()).filter(ArnText::isAccount).orElse(null);
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of(TRUSTED,
                SettingSchemas.stringList("This platform's own AWS account ids; trust from them needs no condition."));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        PolicyDocument doc = DocumentProperty.parse(r, p, "assumeRolePolicy", sink);
        if (doc == null) {
            return;
        }
        List<String> trusted = s.strings(TRUSTED);
        for (Statement st : doc.allows()) {
            if (st.principal() == null || st.hasConditionKey(KEYS)) {
                continue;
            }
            if (st.principal().wildcard()) {
                sink.violation(r, "assumeRolePolicy " + st.label() + " trusts Principal \"*\" without an "
                        + "sts:ExternalId/aws:PrincipalOrgID/aws:PrincipalArn condition");
                continue;
            }
            for (String principal : st.principal().aws()) {
                String account = account(principal);
                if (account != null && !trusted.contains(account)) {
                    sink.violation(r, "assumeRolePolicy " + st.label() + " trusts account " + account
                            + " without an sts:ExternalId/aws:PrincipalOrgID/aws:PrincipalArn condition");
                }
            }
        }
    }
}
