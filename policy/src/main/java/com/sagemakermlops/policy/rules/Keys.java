package com.sagemakermlops.policy.rules;

import java.util.Locale;

/** Recognising AWS-managed KMS keys (which are not customer-managed keys). */
final class Keys {
    private Keys() {
    }

    /** True for {@code alias/aws/<service>} and its ARN form. */
    static boolean isAwsManagedAlias(String keyId) {
        if (keyId == null) {
            return false;
        }
        String k = keyId.trim().toLowerCase(Locale.ROOT);
        return k.startsWith("alias/aws/") || k.matches("arn:aws[a-z-]*:kms:[^:]*:[^:]*:alias/aws/.*");
    }
}
