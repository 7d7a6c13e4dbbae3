package com.sagemakermlops.components.security;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.config.SecurityConfig;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.config.Tier;
import com.sagemakermlops.components.storage.SecureBucket;
import com.sagemakermlops.testing.TestStacks;
import com.sagemakermlops.testing.TestStores;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.sagemakermlops.components.security.EnterpriseFixtures.KEY_ARN;
import static com.sagemakermlops.components.security.EnterpriseFixtures.NAMING;
import static com.sagemakermlops.components.security.EnterpriseFixtures.TAGS;
import static com.sagemakermlops.components.security.EnterpriseFixtures.only;
import static com.sagemakermlops.components.security.EnterpriseFixtures.statement;
import static com.sagemakermlops.components.security.EnterpriseFixtures.strings;
import static org.assertj.core.api.Assertions.assertThat;

class SecurityMonitoringTest {
    private static final String ACCOUNT = TestStacks.TOOLING_ACCOUNT;
    private static final SecurityConfig EMAIL_ALERTS = new SecurityConfig(120, Optional.of("email"),
            Optional.of("security@example.com"));

    private static Recording run(SecurityConfig security) {
        return run(security, true, Optional.empty());
    }

    private static Recording run(SecurityConfig security, boolean createTrail, Optional<Output<String>> boundary) {
        var product = new ProductContext(NAMING, TAGS, TestStores.TOOLING, Tier.ENTERPRISE, boundary);
        Recording recording = TestStores.run("dev", TestStacks.cloud(), TestStores.existing(NAMING, KEY_ARN,
                "models"), (ctx, store) -> {
            var monitoring = new SecurityMonitoring("security", new SecurityMonitoringArgs(product, security, store,
                    createTrail), ComponentResourceOptions.Empty);
            ctx.export("logGroupName", monitoring.logGroupName());
            ctx.export("topicArn", monitoring.topicArn());
            ctx.export("alarmNames", monitoring.alarmNames());
        });
        assertThat(recording.errors()).isEmpty();
        return recording;
    }

    @Test
    void logGroupKeepsEventsAtLeastNinetyDaysEncryptedWithTheCmk() {
        Recording recording = run(EMAIL_ALERTS);
        Map<String, Object> logGroup = only(recording, "aws:cloudwatch/logGroup:LogGroup").inputValues();
        assertThat(logGroup).containsEntry("name", "/ml/" + NAMING.productName() + "/security")
                .containsEntry("kmsKeyId", KEY_ARN);
        assertThat(((Number) logGroup.get("retentionInDays")).intValue()).isEqualTo(120)
                .isGreaterThanOrEqualTo(SecurityConfig.MINIMUM_RETENTION_DAYS);
        assertThat(recording.outputs()).containsEntry("logGroupName", "/ml/" + NAMING.productName() + "/security");
    }

    @Test
    @SuppressWarnings("unchecked")
    void metricFiltersUseTheCisPatternsAndFeedAlarmsThatNotifyTheTopic() {
        Recording recording = run(EMAIL_ALERTS);
        String namespace = "sagemaker-mlops/" + NAMING.productName();
        String topicArn = String.valueOf(recording.outputs().get("topicArn"));
        assertThat(topicArn).startsWith("arn:aws:sns:us-west-2:" + ACCOUNT + ":");

        Map<String, Object> unauthorized = recording.named("aws:cloudwatch/logMetricFilter:LogMetricFilter",
                "security-unauthorized-api-calls").inputValues();
        assertThat(unauthorized).containsEntry("pattern",
                "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }")
                .containsEntry("logGroupName", "/ml/" + NAMING.productName() + "/security")
                .containsEntry("metricTransformation",
                        Map.of("name", "UnauthorizedApiCalls", "namespace", namespace, "value", "1"));
        Map<String, Object> root = recording.named("aws:cloudwatch/logMetricFilter:LogMetricFilter",
                "security-root-account-usage").inputValues();
        assertThat(root).containsEntry("pattern", "{ $.userIdentity.type = \"Root\" && "
                + "$.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }");

        for (SecurityAlarm alarm : SecurityAlarm.ALL) {
            Map<String, Object> inputs = recording.named("aws:cloudwatch/metricAlarm:MetricAlarm",
                    "security-" + alarm.id()).inputValues();
            assertThat(inputs).containsEntry("namespace", namespace)
                    .containsEntry("metricName", alarm.metricName())
                    .containsEntry("statistic", "Sum")
                    .containsEntry("comparisonOperator", "GreaterThanOrEqualToThreshold")
                    .containsEntry("alarmActions", List.of(topicArn));
            assertThat(((Number) inputs.get("threshold")).doubleValue()).isEqualTo(1.0);
        }
        assertThat((List<Object>) recording.outputs().get("alarmNames")).containsExactly(
                NAMING.productName() + "-unauthorized-api-calls", NAMING.productName() + "-root-account-usage");
    }

    @Test
    void topicIsEncryptedAndItsPolicyDeniesPlainHttpAndAdmitsOnlyThisAccountsAlarms() {
        Recording recording = run(EMAIL_ALERTS);
        String topicArn = String.valueOf(recording.outputs().get("topicArn"));
        assertThat(only(recording, "aws:sns/topic:Topic").inputValues()).containsEntry("kmsMasterKeyId", KEY_ARN);

        Map<String, Object> topicPolicy = only(recording, "aws:sns/topicPolicy:TopicPolicy").inputValues();
        assertThat(topicPolicy).containsEntry("arn", topicArn);
        var deny = statement(topicPolicy.get("policy"), "DenyInsecureTransport");
        assertThat(deny.get("Effect").getAsString()).isEqualTo("Deny");
        assertThat(deny.getAsJsonObject("Principal").get("AWS").getAsString()).isEqualTo("*");
        assertThat(deny.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport").getAsString())
                .isEqualTo("false");
        var alarms = statement(topicPolicy.get("policy"), "AllowCloudWatchAlarms");
        assertThat(alarms.getAsJsonObject("Principal").get("Service").getAsString()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(strings(alarms, "Action")).containsExactly("sns:Publish");
        assertThat(strings(alarms, "Resource")).containsExactly(topicArn);
        assertThat(alarms.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceAccount")
                .getAsString()).isEqualTo(ACCOUNT);
    }

    @Test
    void subscribesTheConfiguredEndpointOnlyWhenOneIsConfigured() {
        Recording configured = run(EMAIL_ALERTS);
        assertThat(only(configured, "aws:sns/topicSubscription:TopicSubscription").inputValues())
                .containsEntry("protocol", "email")
                .containsEntry("endpoint", "security@example.com")
                .containsEntry("topic", configured.outputs().get("topicArn"));

        Recording silent = run(SecurityConfig.defaults());
        assertThat(silent.ofType("aws:sns/topicSubscription:TopicSubscription")).isEmpty();
        assertThat(((Number) only(silent, "aws:cloudwatch/logGroup:LogGroup").inputValues().get("retentionInDays"))
                .intValue()).isEqualTo(SecurityConfig.DEFAULT_RETENTION_DAYS);
    }

    @Test
    void trailIsMultiRegionValidatedEncryptedAndDeliversToTheLogGroupThroughANarrowRole() {
        Recording recording = run(EMAIL_ALERTS);
        RecordedResource logGroup = only(recording, "aws:cloudwatch/logGroup:LogGroup");
        String logGroupArn = String.valueOf(logGroup.outputValues().get("arn"));
        RecordedResource trail = only(recording, "aws:cloudtrail/trail:Trail");
        RecordedResource role = only(recording, "aws:iam/role:Role");
        String trailArn = String.valueOf(trail.outputValues().get("arn"));
        assertThat(trailArn).isEqualTo("arn:aws:cloudtrail:us-west-2:" + ACCOUNT + ":trail/"
                + AuditTrail.trailName(NAMING));

        assertThat(trail.inputValues()).containsEntry("isMultiRegionTrail", true)
                .containsEntry("enableLogFileValidation", true)
                .containsEntry("includeGlobalServiceEvents", true)
                .containsEntry("kmsKeyId", KEY_ARN)
                .containsEntry("cloudWatchLogsGroupArn", logGroupArn + ":*")
                .containsEntry("cloudWatchLogsRoleArn", role.outputValues().get("arn"));

        var trust = statement(role.inputValues().get("assumeRolePolicy"), "TrustCloudTrail");
        assertThat(trust.getAsJsonObject("Principal").get("Service").getAsString()).isEqualTo("cloudtrail.amazonaws.com");
        // CloudTrail documents no confused-deputy key for this role: a plain trust, and the role says why.
        assertThat(trust.has("Condition")).isFalse();
        assertThat(String.valueOf(role.inputValues().get("tags")))
                .contains("mlops:suppress:iam-service-trust-source-conditioned=cloudtrail.amazonaws.com documents no");
        @SuppressWarnings("unchecked")
        var inline = (List<Map<String, Object>>) role.inputValues().get("inlinePolicies");
        var write = statement(inline.get(0).get("policy"), "WriteSecurityLogGroup");
        assertThat(strings(write, "Action")).containsExactly("logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(strings(write, "Resource")).containsExactly(logGroupArn + ":log-stream:*");
    }

    @Test
    void trailBucketIsEncryptedVersionedPrivateTlsOnlyAndWritableByThisTrailOnly() {
        Recording recording = run(EMAIL_ALERTS);
        RecordedResource bucket = only(recording, "aws:s3/bucketV2:BucketV2");
        String bucketArn = String.valueOf(bucket.outputValues().get("arn"));
        String trailArn = String.valueOf(only(recording, "aws:cloudtrail/trail:Trail").outputValues().get("arn"));
        assertThat(only(recording, "aws:cloudtrail/trail:Trail").inputValues())
                .containsEntry("s3BucketName", bucket.outputValues().get("bucket"));

        assertThat(only(recording, "aws:s3/bucketServerSideEncryptionConfigurationV2:"
                + "BucketServerSideEncryptionConfigurationV2").inputValues().get("rules")).isEqualTo(List.of(Map.of(
                "applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", KEY_ARN),
                "bucketKeyEnabled", true)));
        assertThat(only(recording, "aws:s3/bucketVersioningV2:BucketVersioningV2").inputValues())
                .containsEntry("versioningConfiguration", Map.of("status", "Enabled"));
        assertThat(only(recording, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputValues())
                .containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true);

        Object policy = only(recording, "aws:s3/bucketPolicy:BucketPolicy").inputValues().get("policy");
        var tls = statement(policy, "DenyInsecureTransport");
        assertThat(strings(tls, "Resource")).containsExactly(bucketArn, bucketArn + "/*");
        var acl = statement(policy, "AWSCloudTrailAclCheck");
        assertThat(strings(acl, "Action")).containsExactly("s3:GetBucketAcl");
        assertThat(acl.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceArn").getAsString())
                .isEqualTo(trailArn);
        var write = statement(policy, "AWSCloudTrailWrite");
        assertThat(strings(write, "Resource")).containsExactly(bucketArn + "/AWSLogs/" + ACCOUNT + "/*");
        var conditions = write.getAsJsonObject("Condition").getAsJsonObject("StringEquals");
        assertThat(conditions.get("s3:x-amz-acl").getAsString()).isEqualTo("bucket-owner-full-control");
        assertThat(conditions.get("aws:SourceArn").getAsString()).isEqualTo(trailArn);
    }

    @Test
    void withoutTrailCreatesNoTrailBucketOrRole() {
        Recording recording = run(EMAIL_ALERTS, false, Optional.empty());
        assertThat(recording.ofType("aws:cloudtrail/trail:Trail")).isEmpty();
        assertThat(recording.ofType("aws:s3/bucketV2:BucketV2")).isEmpty();
        assertThat(recording.ofType("aws:iam/role:Role")).isEmpty();
        assertThat(recording.ofType("aws:cloudwatch/logGroup:LogGroup")).hasSize(1);
    }

    @Test
    void deliveryRoleCarriesTheBoundaryWhenGiven() {
        String boundary = "arn:aws:iam::" + ACCOUNT + ":policy/boundary";
        Recording recording = run(EMAIL_ALERTS, true, Optional.of(Output.of(boundary)));
        assertThat(only(recording, "aws:iam/role:Role").inputValues()).containsEntry("permissionsBoundary", boundary);
    }

    @Test
    void everyResourceIsParentedToTheComponentOrItsTrail() {
        Recording recording = run(EMAIL_ALERTS);
        String component = only(recording, SecurityMonitoring.TYPE).urn();
        String trail = only(recording, AuditTrail.TYPE).urn();
        String trailBucket = only(recording, SecureBucket.TYPE).urn();
        assertThat(only(recording, AuditTrail.TYPE).parent()).contains(component);
        for (RecordedResource r : recording.resources()) {
            if (r.type().startsWith("aws:") && !TestStores.ofStore(r)) {
                assertThat(r.parent()).as(r.name()).isPresent().get().isIn(component, trail, trailBucket);
            }
        }
        assertThat(recording.resources().stream().filter(r -> r.parent().equals(Optional.of(trail))).map(RecordedResource::type))
                .contains("aws:cloudtrail/trail:Trail", SecureBucket.TYPE, "aws:iam/role:Role");
    }

    @Test
    void keyPolicyGrantsAdmitLogsForThisLogGroupAlarmsOfThisAccountAndThisTrail() {
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> ctx.export("policy", PolicyDocument.of(
                KeyPolicyGrants.forSecurityMonitoring(NAMING, "aws", TestStacks.REGION, Output.of(ACCOUNT)))));
        Object policy = recording.outputs().get("policy");
        var logs = statement(policy, "AllowCloudWatchLogsSecurityLogGroup");
        assertThat(logs.getAsJsonObject("Principal").get("Service").getAsString()).isEqualTo("logs.us-west-2.amazonaws.com");
        assertThat(strings(logs, "Action")).contains("kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey")
                .doesNotContain("kms:DescribeKey")
                .allMatch(action -> !action.contains("*"));
        assertThat(logs.getAsJsonObject("Condition").getAsJsonObject("ArnEquals")
                .get("kms:EncryptionContext:aws:logs:arn").getAsString())
                .isEqualTo("arn:aws:logs:us-west-2:" + ACCOUNT + ":log-group:/ml/" + NAMING.productName() + "/security");
        var alarms = statement(policy, "AllowCloudWatchAlarmsEncryptedTopic");
        assertThat(alarms.getAsJsonObject("Principal").get("Service").getAsString()).isEqualTo("cloudwatch.amazonaws.com");
        assertThat(strings(alarms, "Action")).containsExactly("kms:Decrypt", "kms:GenerateDataKey");
        assertThat(alarms.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceAccount")
                .getAsString()).isEqualTo(ACCOUNT);
        var trail = statement(policy, "AllowCloudTrailEncryptLogs");
        assertThat(trail.getAsJsonObject("Condition").getAsJsonObject("StringEquals").get("aws:SourceArn").getAsString())
                .isEqualTo("arn:aws:cloudtrail:us-west-2:" + ACCOUNT + ":trail/" + AuditTrail.trailName(NAMING));
    }

    @Test
    void policyPackFindsNothingBlocking() {
        assertThat(EnterpriseFixtures.blockingFindings(run(EMAIL_ALERTS))).isEmpty();
    }
}
