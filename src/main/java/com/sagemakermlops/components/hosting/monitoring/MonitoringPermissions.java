package com.sagemakermlops.components.hosting.monitoring;

import com.pulumi.core.Output;
import com.sagemakermlops.components.hosting.DataCapture;
import com.sagemakermlops.components.hosting.HostingNames;
import com.sagemakermlops.components.iam.Arns;
import com.sagemakermlops.components.iam.NetworkInterfaceAccess;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.components.store.Grantee;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.components.store.StoreAccess;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.config.VpcSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The permissions of a stage's monitoring: what its jobs run with (the monitoring role), and what the stage's deploy
 * role needs to manage the job definition, the schedule and the alerts. The job's needs are those AWS lists for a
 * processing job's execution role ("CreateProcessingJob API: Execution Role Permissions",
 * https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html#sagemaker-roles-createprocessingjob-perms:
 * its S3 data, CloudWatch metrics and logs, the image pull, and the network interfaces in a VPC), each narrowed to
 * this stage: the capture prefix, the version's baseline, the reports prefix, the product key, the analyzer image.
 */
public final class MonitoringPermissions {
    /** Where the prebuilt analyzer publishes its metrics for a real-time endpoint (model-monitor-interpreting-cloudwatch.html). */
    public static final String METRICS_NAMESPACE = "/aws/sagemaker/Endpoints/data-metrics";
    static final String LOG_GROUP = "/aws/sagemaker/ProcessingJobs";

    /**
     * @param arns        the stage account and region
     * @param storeAccess the monitoring role's access to the tooling store ({@link #storeAccess})
     */
    public record Scope(Arns arns, String accountId, TargetEnvironment.Stage stage, StoreAccess storeAccess,
                        Optional<VpcSettings> vpc) {
    }

    private MonitoringPermissions() {
    }

    /**
     * The monitoring role's access to the tooling store: a job lists the hour's capture files under the stage's
     * capture prefix before it reads them, reads the version's baseline (in the store's model artifacts folder),
     * writes its reports; its volume is encrypted through a grant SageMaker makes with the role's permissions.
     */
    public static StoreAccess storeAccess(ModelStoreRef store, TargetEnvironment.Stage stage, String accountId) {
        Grantee role = Grantee.stageRole("MonitoringRole", stage, accountId);
        String capture = DataCapture.prefix(stage);
        return store.grantList(role, "DataCapture", capture)
                .and(store.grantRead(role, "DataCapture", capture))
                .and(store.grantRead(role, "Baselines", store.modelArtifactsPrefix() + "/"))
                .and(store.grantWrite(role, "Reports", MonitoringNames.reportsPrefix(stage)))
                .and(store.grantKeyForAwsResources(role));
    }

    /** The monitoring role's statements. */
    public static List<Statement> monitoringRole(Scope scope) {
        String region = scope.arns().region();
        List<Statement> statements = new ArrayList<>(scope.storeAccess().statements());
        statements.addAll(List.of(
                Statement.allow("PublishMonitoringMetrics", "cloudwatch:PutMetricData")
                        .onAnyResourceBecause("cloudwatch:PutMetricData supports no resource-level permissions")
                        .when("StringEquals", "cloudwatch:namespace", METRICS_NAMESPACE),
                Statement.allow("WriteJobLogs", "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                "logs:DescribeLogStreams")
                        .on(scope.arns().regional("logs", "log-group:" + LOG_GROUP),
                                scope.arns().regional("logs", "log-group:" + LOG_GROUP + ":log-stream:*")),
                Statement.allow("LogInToRegistries", "ecr:GetAuthorizationToken")
                        .onAnyResourceBecause("an ECR authorization token is not tied to a repository")));
        AnalyzerImage.repositoryArn(region).ifPresent(repository -> statements.add(
                Statement.allow("PullAnalyzerImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                        "ecr:BatchCheckLayerAvailability").on(repository)));
        scope.vpc().ifPresent(vpc -> statements.addAll(NetworkInterfaceAccess.forSageMaker(scope.arns(), vpc)));
        return statements;
    }

    /**
     * What {@code pulumi up} of the hosting stack needs for monitoring, on this product's monitoring resources of the
     * stage only.
     *
     * @param productName       names every monitoring resource ({@link MonitoringNames})
     * @param monitoringRoleArn the role the job definition passes to SageMaker
     */
    public static List<Statement> deployRole(Arns arns, String accountId, TargetEnvironment.Stage stage,
                                             String productName, String monitoringRoleArn) {
        String prefix = HostingNames.resourcePrefix(productName);
        String region = arns.region();
        String partition = arns.partition();
        String rules = Arns.of(partition, "events", region, accountId, "rule/" + prefix + "*");
        return List.of(
                Statement.allow("ManageMonitoring",
                                "sagemaker:CreateDataQualityJobDefinition", "sagemaker:DescribeDataQualityJobDefinition",
                                "sagemaker:DeleteDataQualityJobDefinition", "sagemaker:CreateMonitoringSchedule",
                                "sagemaker:DescribeMonitoringSchedule", "sagemaker:UpdateMonitoringSchedule",
                                "sagemaker:DeleteMonitoringSchedule", "sagemaker:AddTags", "sagemaker:ListTags",
                                "sagemaker:DeleteTags")
                        .on(Arns.of(partition, "sagemaker", region, accountId, "data-quality-job-definition/" + prefix + "*"),
                                Arns.of(partition, "sagemaker", region, accountId, "monitoring-schedule/" + prefix + "*")),
                Statement.allow("PassMonitoringRole", "iam:PassRole").on(monitoringRoleArn)
                        .when("StringEquals", "iam:PassedToService", "sagemaker.amazonaws.com"),
                Statement.allow("ManageAlertTopic", "sns:CreateTopic", "sns:DeleteTopic", "sns:GetTopicAttributes",
                                "sns:SetTopicAttributes", "sns:TagResource", "sns:UntagResource",
                                "sns:ListTagsForResource")
                        .on(MonitoringNames.alertTopicArn(productName, stage, accountId, region)),
                Statement.allow("ManageAlertRules", "events:PutRule", "events:DescribeRule", "events:DeleteRule",
                                "events:PutTargets", "events:RemoveTargets", "events:ListTargetsByRule",
                                "events:TagResource", "events:UntagResource", "events:ListTagsForResource")
                        .on(rules));
    }

    /**
     * The model bucket's statements for a stage's monitoring jobs, which run in the stage account: list and read the
     * stage's capture, write its reports (the baselines are in the model artifacts' folder, which the stage accounts
     * read already).
     */
    public static List<Statement> bucketStatements(TargetEnvironment.Stage stage, String accountRoot,
                                                   Output<String> bucketArn) {
        String capture = DataCapture.prefix(stage);
        return List.of(
                Statement.allow("ListDataCaptureBy" + stage.title(), "s3:ListBucket").principal("AWS", accountRoot)
                        .on(bucketArn).when("StringLike", "s3:prefix", capture + "*"),
                Statement.allow("ReadDataCaptureBy" + stage.title(), "s3:GetObject").principal("AWS", accountRoot)
                        .on(objects(bucketArn, capture)),
                Statement.allow("WriteMonitoringReportsBy" + stage.title(), "s3:PutObject")
                        .principal("AWS", accountRoot)
                        .on(objects(bucketArn, MonitoringNames.reportsPrefix(stage))));
    }

    /**
     * The deploy build's smoke test lists the stage's capture prefix in the tooling bucket, to see its records
     * arrive where the monitoring job reads them (seed-code/model-deploy/scripts/smoke_test.py wait_for_capture).
     */
    public static Statement captureListing(TargetEnvironment.Stage stage, Output<String> bucketArn) {
        return Statement.allow("ListDataCapture", "s3:ListBucket").on(bucketArn)
                .when("StringLike", "s3:prefix", DataCapture.prefix(stage) + "*");
    }

    /**
     * The product key's statement that lets EventBridge publish the stages' monitoring alerts to their topics, which
     * the key encrypts. KMS sees no source account or rule for EventBridge's deliveries (SNS, "Enable compatibility
     * between event sources from AWS services and encrypted topics",
     * https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services), so the
     * statement is bound to the stages' alert topics by the encryption context SNS sends.
     *
     * @param topicArns the stages' alert topics ({@link MonitoringNames#alertTopicArn})
     */
    public static Statement alertTopicKeyGrant(List<String> topicArns) {
        Statement statement = Statement.allow("AllowEventBridgeMonitoringAlerts", "kms:Decrypt", "kms:GenerateDataKey")
                .principal("Service", "events.amazonaws.com")
                .onThisKey();
        topicArns.forEach(arn -> statement.when("StringEquals", "kms:EncryptionContext:aws:sns:topicArn", arn));
        return statement;
    }

    private static Output<String> objects(Output<String> bucketArn, String prefix) {
        return bucketArn.applyValue(arn -> arn + "/" + prefix + "*");
    }
}
