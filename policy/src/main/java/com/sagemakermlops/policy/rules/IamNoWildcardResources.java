package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.iam.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Resource "*" only for actions that accept nothing else. */
public final class IamNoWildcardResources extends ResourcePolicy {
    static final String EXTRA = "additionalStarOnlyActions";

    public IamNoWildcardResources() {
        super("iam-no-wildcard-resources",
                "IAM Allow statements with Resource \"*\" contain only actions that support no resource-level "
                        + "permissions (see StarOnlyActions).",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Scope Resource to the ARNs the actions touch (bucket/prefix, model package group, log group...); "
                        + "put actions that only accept \"*\" in a statement of their own.",
                List.of("AwsSolutions-IAM5", "CKV_AWS_355", "CKV_AWS_111"),
                IamDocuments.TYPES);
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of(EXTRA,
                SettingSchemas.stringList("Further actions allowed with Resource \"*\" (exact action names)."));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        List<String> extra = s.strings(EXTRA);
        for (IamDocuments.Doc doc : IamDocuments.permissions(r, p, sink, false)) {
            for (Statement st : doc.document().allows()) {
                if (!st.resources().contains("*")) {
                    continue;
                }
                if (st.hasNotAction()) {
                    sink.violation(r, doc.property() + " " + st.label() + " allows NotAction on Resource \"*\"");
                    continue;
                }
                List<String> bad = new ArrayList<>();
                for (String action : st.actions()) {
                    if (!StarOnlyActions.allows(action, extra)) {
                        bad.add(action);
                    }
                }
                if (!bad.isEmpty()) {
                    sink.violation(r, doc.property() + " " + st.label() + " allows " + String.join(", ", bad)
                            + " on Resource \"*\"");
                }
            }
        }
    }
}
