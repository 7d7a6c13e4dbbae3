package com.sagemakermlops.components.security;

import com.pulumi.core.Output;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.naming.Naming;

import java.util.List;

/**
 * The key-policy statements the product's CMK needs for {@link SecurityMonitoring}: CloudWatch Logs encrypting the
 * security log group, CloudWatch alarms publishing to the encrypted topic, and CloudTrail encrypting its log files.
 * Each is limited to this product's log group, this account, or this product's trail.
 */
public final class KeyPolicyGrants {
    private KeyPolicyGrants() {
    }

    public static List<Statement> forSecurityMonitoring(Naming naming, String partition, String region,
                                                        Output<String> accountId) {
        return List.of(logsEncryption(naming, partition, region, accountId), alarmsToEncryptedTopic(accountId),
                cloudTrailEncryption(naming, partition, region, accountId),
                cloudTrailDescribeKey(naming, partition, region, accountId));
    }

    static Statement logsEncryption(Naming naming, String partition, String region, Output<String> accountId) {
        Output<String> logGroupArn = new Arns(partition, region, accountId)
                .regional("logs", "log-group:" + SecurityMonitoring.logGroupName(naming));
        return Statement.logsEncryption("AllowCloudWatchLogsSecurityLogGroup", Arns.serviceIn("logs", partition,
                region), logGroupArn);
    }

    static Statement alarmsToEncryptedTopic(Output<String> accountId) {
        return Statement.allow("AllowCloudWatchAlarmsEncryptedTopic", "kms:Decrypt", "kms:GenerateDataKey")
                .principal("Service", "cloudwatch.amazonaws.com")
                .onThisKey()
                .when("StringEquals", "aws:SourceAccount", accountId);
    }

    static Statement cloudTrailEncryption(Naming naming, String partition, String region, Output<String> accountId) {
        return Statement.allow("AllowCloudTrailEncryptLogs", "kms:GenerateDataKey")
                .principal("Service", "cloudtrail.amazonaws.com")
                .onThisKey()
                .when("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn",
                        accountId.applyValue(account -> Arns.of(partition, "cloudtrail", "*", account, "trail/*")))
                .when("StringEquals", "aws:SourceArn", AuditTrail.trailArn(naming, partition, region, accountId));
    }

    static Statement cloudTrailDescribeKey(Naming naming, String partition, String region, Output<String> accountId) {
        return Statement.allow("AllowCloudTrailDescribeKey", "kms:DescribeKey")
                .principal("Service", "cloudtrail.amazonaws.com")
                .onThisKey()
                .when("StringEquals", "aws:SourceArn", AuditTrail.trailArn(naming, partition, region, accountId));
    }
}
