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
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A role an AWS service may assume names, in the same trust statement, the account or resource the service acts
 * for ({@code aws:SourceAccount} or {@code aws:SourceArn}), so another account cannot make the service assume it:
 * AWS's recommendation against the cross-service confused deputy
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention).
 * Only operators that require the key count (an {@code ...IfExists} condition passes when the key is absent), and
 * only without a {@code "*"} among the values (the values are alternatives: one {@code "*"} admits every source).
 */
public final class IamServiceTrustSourceConditioned extends ResourcePolicy {
    /** The policy's name, which a role's suppression tag names. */
    public static final String NAME = "iam-service-trust-source-conditioned";
    private static final Set<String> KEYS = Set.of("aws:sourceaccount", "aws:sourcearn");
    private static final Set<String> OPERATORS = Set.of("stringequals", "stringlike", "arnequals", "arnlike");

    public IamServiceTrustSourceConditioned() {
        super(NAME,
                "Role trust policies that let an AWS service assume the role require an aws:SourceAccount or "
                        + "aws:SourceArn condition (cross-service confused deputy prevention).",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Add Condition {StringEquals: {aws:SourceAccount: <account>}} or {ArnLike: {aws:SourceArn: <the "
                        + "resource the service acts for>}} to the trust statement, with the keys the service's "
                        + "confused deputy page documents; suppress with that page as reason where it documents none.",
                List.of(),
                Set.of(Types.IAM_ROLE));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        PolicyDocument doc = DocumentProperty.parse(r, p, "assumeRolePolicy", sink);
        if (doc == null) {
            return;
        }
        for (Statement st : doc.allows()) {
            List<String> services = st.principal() == null ? List.of()
                    : st.principal().byType().getOrDefault("Service", List.of());
            if (!services.isEmpty() && !namesTheSource(st)) {
                sink.violation(r, "assumeRolePolicy " + st.label() + " trusts service " + String.join(", ", services)
                        + " without an aws:SourceAccount or aws:SourceArn condition");
            }
        }
    }

    private static boolean namesTheSource(Statement st) {
        for (Map.Entry<String, Map<String, List<String>>> operator : st.conditions().entrySet()) {
            if (OPERATORS.contains(operator.getKey().toLowerCase(Locale.ROOT))
                    && operator.getValue().entrySet().stream()
                    .anyMatch(key -> KEYS.contains(key.getKey())
                    && !key.getValue().isEmpty() && !key.getValue().contains("*"))) {
                return true;
            }
        }
        return false;
    }
}
