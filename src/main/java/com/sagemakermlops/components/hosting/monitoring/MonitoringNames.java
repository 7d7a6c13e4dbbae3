package com.sagemakermlops.components.hosting.monitoring;

import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.config.Checks;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.naming.PhysicalName;

/**
 * The documented names of a stage's data-quality monitoring, the same from the tooling stack (which creates the
 * monitoring role, grants the bucket and key, and draws the dashboard) and from the hosting stack (which creates the
 * job, its schedule and its alerts): each follows from the product name and the stage alone. The job definition's
 * name carries a fingerprint of its inputs, as SageMaker cannot change a job definition (every input of
 * pulumi-aws's DataQualityJobDefinition forces a replacement); the others are stable per stage.
 */
public final class MonitoringNames {
    /** The monitoring type of a data-quality job definition in a schedule (CreateMonitoringSchedule). */
    public static final String MONITORING_TYPE = "DataQuality";

    private MonitoringNames() {
    }

    /** The monitoring schedule of the stage's endpoint. */
    public static String schedule(String productName, TargetEnvironment.Stage stage) {
        return PhysicalName.SAGEMAKER.fit(productName + "-" + stage.id() + "-data-quality");
    }

    /** A job definition of the stage, named after everything that makes it. */
    public static String jobDefinition(String productName, TargetEnvironment.Stage stage, String inputs) {
        return PhysicalName.SAGEMAKER.fit(productName + "-" + stage.id() + "-dq-" + PhysicalName.hash(inputs));
    }

    /** The role the stage's monitoring jobs run as, created by the tooling stack's bootstrap of the stage account. */
    public static String role(String productName, TargetEnvironment.Stage stage) {
        return PhysicalName.IAM_ROLE.fit(productName + "-" + stage.id() + "-model-monitor");
    }

    public static String roleArn(String productName, TargetEnvironment.Stage stage, String accountId, String region) {
        return Arns.roleOf(Checks.partitionOf(region), accountId, role(productName, stage));
    }

    /** The stage's alert topic, in the stage account. */
    public static String alertTopic(String productName, TargetEnvironment.Stage stage) {
        return PhysicalName.SNS_TOPIC.fit(productName + "-" + stage.id() + "-alerts");
    }

    public static String alertTopicArn(String productName, TargetEnvironment.Stage stage, String accountId,
                                       String region) {
        return Arns.of(Checks.partitionOf(region), "sns", region, accountId, alertTopic(productName, stage));
    }

    /** The rule that reports a monitoring execution that failed. */
    public static String failedRule(String productName, TargetEnvironment.Stage stage) {
        return PhysicalName.EVENT_RULE.fit(productName + "-" + stage.id() + "-monitoring-failed");
    }

    /** The rule that reports a monitoring execution that found constraint violations. */
    public static String violationsRule(String productName, TargetEnvironment.Stage stage) {
        return PhysicalName.EVENT_RULE.fit(productName + "-" + stage.id() + "-monitoring-violations");
    }

    /** The key prefix of the stage's monitoring reports in the tooling bucket: {@code monitoring-reports/<stage>/}. */
    public static String reportsPrefix(TargetEnvironment.Stage stage) {
        return "monitoring-reports/" + stage.id() + "/";
    }
}
