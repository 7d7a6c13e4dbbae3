package com.sagemakermlops.components.security;

import com.sagemakermlops.components.ProductParameter;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.ConfigOutput;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.naming.PhysicalName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Enterprise security monitoring: a CMK-encrypted log group of CloudTrail events (kept at least 90 days), CIS
 * metric filters and alarms for unauthorized API calls and root account usage, and a CMK-encrypted, TLS-only SNS
 * topic the alarms publish to, with the configured subscription. Optionally the multi-region trail feeding the
 * log group ({@link AuditTrail}). The CMK's key policy needs {@link KeyPolicyGrants#forSecurityMonitoring}.
 */
public final class SecurityMonitoring extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:security:SecurityMonitoring";

    private final Output<String> logGroupName;
    private final Output<String> logGroupArn;
    private final Output<String> topicArn;
    private final Output<List<String>> alarmNames;

    public SecurityMonitoring(String name, SecurityMonitoringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).build();
        Naming naming = args.product().naming();
        Map<String, String> tags = args.product().tags().asMap();
        Output<String> accountId = Output.of(args.product().scope().accountId());
        args.store().keyGrants().add(KeyPolicyGrants.forSecurityMonitoring(naming,
                args.product().scope().partition(), args.product().scope().region(), accountId));

        LogGroup logGroup = new LogGroup(name + "-events", LogGroupArgs.builder()
                .name(logGroupName(naming))
                .retentionInDays(args.security().logRetentionDays())
                .kmsKeyId(args.store().keyArn())
                .tags(tags)
                .build(), child);

        Topic topic = alertTopic(name, args, accountId, child);

        List<Output<String>> names = new ArrayList<>();
        for (SecurityAlarm alarm : SecurityAlarm.ALL) {
            names.add(alarm(name, alarm, naming, logGroup, topic, tags).name());
        }

        if (args.createTrail()) {
            new AuditTrail(name + "-trail", new AuditTrailArgs(args.product(), args.store().keyArn(), logGroup.arn()),
                    ComponentResourceOptions.builder().parent(this).build());
        }

        this.logGroupName = logGroup.name();
        this.logGroupArn = logGroup.arn();
        this.topicArn = topic.arn();
        this.alarmNames = Output.all(names);
        ProductParameter.create(name, "LogGroupName", logGroupName, args.product(),
                ProductParameter.describedAs("LogGroupName", args.product()), child);
        registerOutputs(Map.of("logGroupName", logGroupName, "logGroupArn", logGroupArn, "topicArn", topicArn,
                "alarmNames", alarmNames));
    }

    /** The encrypted topic the alarms notify, with its subscription when one is configured. */
    private static Topic alertTopic(String name, SecurityMonitoringArgs args, Output<String> accountId,
                                    CustomResourceOptions child) {
        Topic topic = new Topic(name + "-alerts", TopicArgs.builder()
                .name(args.product().naming().physical(PhysicalName.SNS_TOPIC, "security-alerts"))
                .kmsMasterKeyId(args.store().keyArn())
                .tags(args.product().tags().asMap())
                .build(), child);
        new TopicPolicy(name + "-alerts", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(PolicyDocument.of(topicStatements(topic.arn(), accountId)))
                .build(), child);
        if (args.security().alertProtocol().isPresent() && args.security().alertEndpoint().isPresent()) {
            new TopicSubscription(name + "-alerts", TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol(args.security().alertProtocol().get())
                    .endpoint(ConfigOutput.of(args.security().alertEndpoint().get(),
                            args.security().alertEndpointSecret()))
                    .build(), child);
        }
        return topic;
    }

    private MetricAlarm alarm(String name, SecurityAlarm alarm, Naming naming, LogGroup logGroup, Topic topic,
                              Map<String, String> tags) {
        String namespace = SecurityAlarm.namespace(naming.productName());
        var filter = new LogMetricFilter(name + "-" + alarm.id(), LogMetricFilterArgs.builder()
                .logGroupName(logGroup.name())
                .pattern(alarm.pattern())
                .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                        .name(alarm.metricName())
                        .namespace(namespace)
                        .value("1")
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        return new MetricAlarm(name + "-" + alarm.id(), MetricAlarmArgs.builder()
                .name(naming.physical(PhysicalName.ALARM, alarm.id()))
                .alarmDescription(alarm.description())
                .namespace(namespace)
                .metricName(alarm.metricName())
                .statistic("Sum")
                .period(300)
                .evaluationPeriods(1)
                .threshold(1.0)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(filter).build());
    }

    /** {@code /ml/<productName>/security}. */
    public static String logGroupName(Naming naming) {
        return "/ml/" + naming.productName() + "/security";
    }

    /** Publishing over TLS only, and CloudWatch alarms of this account may publish. */
    static List<Statement> topicStatements(Output<String> topicArn, Output<String> accountId) {
        return List.of(
                Statement.deny("DenyInsecureTransport", "sns:Publish")
                        .principal("AWS", "*")
                        .on(topicArn)
                        .when("Bool", "aws:SecureTransport", "false"),
                Statement.allow("AllowCloudWatchAlarms", "sns:Publish")
                        .principal("Service", "cloudwatch.amazonaws.com")
                        .on(topicArn)
                        .when("StringEquals", "aws:SourceAccount", accountId));
    }

    public Output<String> logGroupName() {
        return logGroupName;
    }

    public Output<String> logGroupArn() {
        return logGroupArn;
    }

    public Output<String> topicArn() {
        return topicArn;
    }

    public Output<List<String>> alarmNames() {
        return alarmNames;
    }
}
