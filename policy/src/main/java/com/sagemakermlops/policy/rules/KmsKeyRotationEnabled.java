package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Set;

/** Symmetric customer-managed KMS keys rotate their key material. */
public final class KmsKeyRotationEnabled extends RequiredProperty {
    public KmsKeyRotationEnabled() {
        super("kms-key-rotation-enabled",
                "Symmetric encryption KMS keys have automatic key rotation enabled.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set enableKeyRotation: true on the key (asymmetric and HMAC keys cannot rotate and are skipped).",
                List.of("AwsSolutions-KMS5", "NIST.800.53.R5-KMSBackingKeyRotationEnabled",
                        "HIPAA.Security-KMSBackingKeyRotationEnabled", "cmk-backing-key-rotation-enabled",
                        "CKV_AWS_7"),
                Set.of(Types.KMS_KEY),
                "enableKeyRotation", Expectation.isTrue());
    }

    @Override
    protected boolean applies(Props p) {
        String spec = p.string("customerMasterKeySpec");
        String usage = p.string("keyUsage");
        return (spec == null || spec.equals("SYMMETRIC_DEFAULT"))
                && (usage == null || usage.equals("ENCRYPT_DECRYPT"));
    }
}
