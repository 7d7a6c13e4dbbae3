package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.iam.ArnText;

import java.util.Locale;

/** Recognising AWS-managed KMS keys (which are not customer-managed keys). */
final class Keys {
    private Keys() {
    }

    /** True when {@code key} of {@code props} is known and names an AWS-managed key. */
    static boolean isAwsManaged(Props props, String key) {
        return !props.isUnknown(key) && isAwsManagedAlias(props.string(key));
    }

    /** True for {@code alias/aws/<service>} and its ARN form. */
    static boolean isAwsManagedAlias(String keyId) {
        if (keyId == null) {
            return false;
        }
        String k = keyId.trim().toLowerCase(Locale.ROOT);
        return k.startsWith("alias/aws/") || ArnText.parse(k).filter(arn -> arn.service().equals("kms"))
                .map(arn -> arn.resourceAsString().startsWith("alias/aws/")).orElse(false);
    }
}
