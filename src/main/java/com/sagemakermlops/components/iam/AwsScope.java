package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a component's resources live: the partition, the region and the account, the account always as its twelve
 * digits. The ARNs of resources named before they exist come from {@link #arns()}.
 *
 * @param partition {@code aws}, {@code aws-cn} or {@code aws-us-gov}; required
 * @param region    the region, e.g. {@code us-west-2}; required
 * @param accountId the twelve-digit account id; required
 */
public record AwsScope(String partition, String region, String accountId) {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    public AwsScope {
        Objects.requireNonNull(partition, "partition");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("AwsScope.accountId: expected 12 digits, got \"" + accountId + "\"");
        }
    }

    /** The ARNs of this partition, region and account. */
    public Arns arns() {
        return new Arns(partition, region, Output.of(accountId));
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public String arn(String service, String resource) {
        return Arns.of(partition, service, region, accountId, resource);
    }
}
