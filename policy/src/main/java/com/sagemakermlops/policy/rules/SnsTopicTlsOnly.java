package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Where a topic has a policy, the policy denies publishing without TLS. */
public final class SnsTopicTlsOnly extends ResourcePolicy {
    public SnsTopicTlsOnly() {
        super("sns-topic-tls-only",
                "SNS topic policies deny requests made without TLS (aws:SecureTransport false).",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Add a statement {Effect: Deny, Principal: \"*\", Action: \"sns:Publish\", Resource: <topic ARN>, "
                        + "Condition: {Bool: {aws:SecureTransport: \"false\"}}} to the topic policy.",
                List.of("AwsSolutions-SNS3"),
                Set.of(Types.SNS_TOPIC, Types.SNS_TOPIC_POLICY));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        DocumentProperty.checkDeniesInsecureTransport(r, p, false, sink);
    }
}
