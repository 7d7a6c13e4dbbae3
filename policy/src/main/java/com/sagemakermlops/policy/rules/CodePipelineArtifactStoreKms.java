package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Every pipeline artifact store is encrypted with a KMS key. */
public final class CodePipelineArtifactStoreKms extends ResourcePolicy {
    public CodePipelineArtifactStoreKms() {
        super("codepipeline-artifact-store-kms",
                "CodePipeline artifact stores are encrypted with a customer-managed KMS key.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set artifactStores[].encryptionKey to {id: <customer-managed key ARN>, type: \"KMS\"}.",
                List.of("CKV_AWS_219"),
                Set.of(Types.CODEPIPELINE));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        List<Props> stores = p.objects("artifactStores");
        if (stores.isEmpty()) {
            sink.violation(r, "artifactStores is empty");
        }
        for (Props store : stores) {
            Props key = store.object("encryptionKey");
            if (key == null || !key.has("id")) {
                sink.violation(r, store.path("encryptionKey") + " is not set");
            } else if (!"KMS".equals(key.string("type"))) {
                sink.violation(r, key.path("type") + " is not \"KMS\"");
            } else if (Keys.isAwsManaged(key, "id")) {
                sink.violation(r, key.path("id") + " is an AWS-managed key, not a customer-managed key");
            }
        }
    }
}
