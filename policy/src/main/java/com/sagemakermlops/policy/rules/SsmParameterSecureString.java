package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Parameters that hold secrets are SecureString. */
public final class SsmParameterSecureString extends ResourcePolicy {
    public SsmParameterSecureString() {
        super("ssm-parameter-secure-string",
                "SSM parameters whose name or value looks like a secret (password, token, key) are SecureString.",
                Severity.HIGH, EnforcementLevel.MANDATORY,
                "Set type to \"SecureString\" with keyId a customer-managed KMS key, or keep the secret in "
                        + "Secrets Manager.",
                List.of(),
                Set.of(Types.SSM_PARAMETER));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        String type = p.string("type");
        if ("SecureString".equals(type)) {
            return;
        }
        String shown = "type is " + S3BucketSseKmsCmk.quote(type);
        if (p.isSecret("value") || p.isSecret("insecureValue")) {
            sink.violation(r, shown + " but value is a secret");
            return;
        }
        if (Secrets.looksLikeSecretName(p.string("name"))) {
            sink.violation(r, shown + " but name looks like a secret");
            return;
        }
        for (String key : List.of("value", "insecureValue")) {
            if (!p.isUnknown(key) && Secrets.looksLikeSecretValue(p.string(key))) {
                sink.violation(r, shown + " but " + key + " looks like a credential");
                return;
            }
        }
    }
}
