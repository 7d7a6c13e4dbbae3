package com.sagemakermlops.components.hosting.monitoring;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.sagemaker.DataQualityJobDefinition;
import com.pulumi.aws.sagemaker.DataQualityJobDefinitionArgs;
import com.pulumi.aws.sagemaker.MonitoringSchedule;
import com.pulumi.aws.sagemaker.MonitoringScheduleArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityAppSpecificationArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityBaselineConfigArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityBaselineConfigConstraintsResourceArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityBaselineConfigStatisticsResourceArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityJobInputArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityJobInputEndpointInputArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityJobOutputConfigArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityJobOutputConfigMonitoringOutputsArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionDataQualityJobOutputConfigMonitoringOutputsS3OutputArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionJobResourcesArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionJobResourcesClusterConfigArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionNetworkConfigArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionNetworkConfigVpcConfigArgs;
import com.pulumi.aws.sagemaker.inputs.DataQualityJobDefinitionStoppingConditionArgs;
import com.pulumi.aws.sagemaker.inputs.MonitoringScheduleMonitoringScheduleConfigArgs;
import com.pulumi.aws.sagemaker.inputs.MonitoringScheduleMonitoringScheduleConfigScheduleConfigArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.hosting.ModelNetwork;
import com.sagemakermlops.components.iam.PolicyDocument;
import com.sagemakermlops.components.iam.Statement;
import com.sagemakermlops.config.MonitoringConfig;

import java.util.List;
import java.util.Map;

/**
 * Data-quality monitoring of one stage's endpoint, in the stage's account: a Model Monitor job definition that
 * compares the endpoint's captured requests and answers with the served version's baseline (KMS on its outputs and
 * volume, the endpoint's VPC and isolation, CloudWatch metrics on), the schedule that runs it, and the stage's alert
 * topic, to which EventBridge reports executions that failed or found constraint violations.
 */
public final class DataQualityMonitor extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:hosting:DataQualityMonitor";

    /** Where a job sees the capture and writes its reports (the prebuilt container's contract). */
    static final String CAPTURE_PATH = "/opt/ml/processing/input/endpoint";
    static final String REPORTS_PATH = "/opt/ml/processing/output";
    /** The analyzer reads an hour of capture: 20 GB holds far more than an endpoint's hour of CSV records. */
    static final int VOLUME_SIZE_GB = 20;
    static final String STATE_CHANGE = "SageMaker Processing Job State Change";

    private final Output<String> scheduleName;
    private final Output<String> alertTopicArn;

    /**
     * @param options the hosting's options: its parent, through which the children take the provider of the
     *                endpoint's account
     */
    public DataQualityMonitor(String name, DataQualityMonitorArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions children = CustomResourceOptions.builder().parent(this).build();
        JobInputs inputs = JobInputs.of(args);

        // Setting the name makes the provider replace a job definition delete-first, while the schedule still runs
        // it: the replaced one leaves the stack's state but stays in SageMaker, and the schedule moves to the new one.
        var definition = new DataQualityJobDefinition(name + "-job", jobDefinition(inputs, args),
                CustomResourceOptions.builder().parent(this).deleteBeforeReplace(true).retainOnDelete(true).build());
        MonitoringSchedule schedule = schedule(name, args, definition, children);
        Topic topic = alerts(name, args, schedule, children);

        this.scheduleName = schedule.name();
        this.alertTopicArn = topic.arn();
        registerOutputs(Map.of("scheduleName", scheduleName, "alertTopicArn", alertTopicArn));
    }

    /** The schedule that runs the job definition on the endpoint's capture. */
    private static MonitoringSchedule schedule(String name, DataQualityMonitorArgs args,
                                               DataQualityJobDefinition definition, CustomResourceOptions children) {
        return new MonitoringSchedule(name + "-schedule", MonitoringScheduleArgs.builder()
                .name(MonitoringNames.schedule(args.productName(), args.stage()))
                .monitoringScheduleConfig(MonitoringScheduleMonitoringScheduleConfigArgs.builder()
                        .monitoringJobDefinitionName(definition.name())
                        .monitoringType(MonitoringNames.MONITORING_TYPE)
                        .scheduleConfig(MonitoringScheduleMonitoringScheduleConfigScheduleConfigArgs.builder()
                                .scheduleExpression(args.monitoring().settings().schedule().expression())
                                .build())
                        .build())
                .tags(args.tags())
                .build(), children);
    }

    /** The alert topic, the rules that publish the schedule's failed runs and violations to it, and its policy. */
    private static Topic alerts(String name, DataQualityMonitorArgs args, MonitoringSchedule schedule,
                                CustomResourceOptions children) {
        String productName = args.productName();
        var topic = new Topic(name + "-alerts", TopicArgs.builder()
                .name(MonitoringNames.alertTopic(productName, args.stage()))
                .kmsMasterKeyId(args.kmsKeyArn())
                .tags(args.tags())
                .build(), children);
        var failed = alertRule(name + "-failed", MonitoringNames.failedRule(productName, args.stage()),
                "Data-quality monitoring of the " + args.stage().id() + " endpoint failed to run",
                schedule.arn().applyValue(arn -> AlertPatterns.failed(arn)), topic, args, children);
        var violations = alertRule(name + "-violations", MonitoringNames.violationsRule(productName, args.stage()),
                "Data-quality monitoring of the " + args.stage().id() + " endpoint found constraint violations",
                schedule.arn().applyValue(arn -> AlertPatterns.violations(arn)), topic, args, children);
        new TopicPolicy(name + "-alerts", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(PolicyDocument.of(topicStatements(topic.arn(), List.of(failed.arn(), violations.arn()))))
                .build(), children);
        return topic;
    }

    public Output<String> scheduleName() {
        return scheduleName;
    }

    public Output<String> alertTopicArn() {
        return alertTopicArn;
    }

    /** Everything that makes the job definition, which SageMaker cannot change: its name follows all of it. */
    record JobInputs(String imageUri, String roleArn, String reportsUri, MonitoringConfig.Baseline baseline,
                     String kmsKeyArn, String instanceType, int maxRuntimeSeconds, boolean networkIsolation,
                     List<String> subnetIds, List<String> securityGroupIds) {

        static JobInputs of(DataQualityMonitorArgs args) {
            EndpointMonitoring monitoring = args.monitoring();
            ModelNetwork network = args.network();
            String region = monitoring.region();
            String image = AnalyzerImage.uri(region).orElseThrow(() -> new IllegalStateException("the "
                    + args.stage().id() + " stage is in " + region + ", where AWS publishes no Model Monitor analyzer"
                    + " image: set sagemaker-mlops:hosting.monitoring.enabled to false"));
            return new JobInputs(image, MonitoringNames.roleArn(args.productName(), args.stage(),
                    monitoring.accountId(), region),
                    "s3://" + args.capture().bucketName() + "/" + MonitoringNames.reportsPrefix(args.stage()),
                    monitoring.baseline(), args.kmsKeyArn(), monitoring.settings().instanceType(),
                    monitoring.settings().maxRuntimeMinutes() * 60, network.isolated(),
                    network.inVpc() ? network.subnetIds().stream().sorted().toList() : List.of(),
                    network.inVpc() ? network.securityGroupIds().stream().sorted().toList() : List.of());
        }

        String fingerprint(String endpointName) {
            return String.join("\n", endpointName, imageUri, roleArn, reportsUri, baseline.statisticsUri(),
                    baseline.constraintsUri(), kmsKeyArn, instanceType, String.valueOf(maxRuntimeSeconds),
                    String.valueOf(networkIsolation), String.join(",", subnetIds), String.join(",", securityGroupIds));
        }
    }

    /** The job's network: the endpoint's isolation and, when it has one, its VPC. */
    private static DataQualityJobDefinitionNetworkConfigArgs network(JobInputs inputs) {
        var network = DataQualityJobDefinitionNetworkConfigArgs.builder()
                .enableNetworkIsolation(inputs.networkIsolation())
                .enableInterContainerTrafficEncryption(true);
        if (!inputs.subnetIds().isEmpty()) {
            network.vpcConfig(DataQualityJobDefinitionNetworkConfigVpcConfigArgs.builder()
                    .subnets(inputs.subnetIds())
                    .securityGroupIds(inputs.securityGroupIds())
                    .build());
        }
        return network.build();
    }

    /** Where the job writes its reports, encrypted with the product key. */
    private static DataQualityJobDefinitionDataQualityJobOutputConfigArgs reports(JobInputs inputs) {
        return DataQualityJobDefinitionDataQualityJobOutputConfigArgs.builder()
                .kmsKeyId(inputs.kmsKeyArn())
                .monitoringOutputs(DataQualityJobDefinitionDataQualityJobOutputConfigMonitoringOutputsArgs
                        .builder()
                        .s3Output(DataQualityJobDefinitionDataQualityJobOutputConfigMonitoringOutputsS3OutputArgs
                                .builder()
                                .s3Uri(inputs.reportsUri())
                                .localPath(REPORTS_PATH)
                                .s3UploadMode("EndOfJob")
                                .build())
                        .build())
                .build();
    }

    private static DataQualityJobDefinitionArgs jobDefinition(JobInputs inputs, DataQualityMonitorArgs args) {
        return DataQualityJobDefinitionArgs.builder()
                .name(args.endpointName().applyValue(endpoint -> MonitoringNames.jobDefinition(
                        args.productName(), args.stage(), inputs.fingerprint(endpoint))))
                .roleArn(inputs.roleArn())
                .dataQualityAppSpecification(DataQualityJobDefinitionDataQualityAppSpecificationArgs.builder()
                        .imageUri(inputs.imageUri())
                        .environment(Map.of("publish_cloudwatch_metrics", "Enabled"))
                        .build())
                .dataQualityBaselineConfig(DataQualityJobDefinitionDataQualityBaselineConfigArgs.builder()
                        .statisticsResource(DataQualityJobDefinitionDataQualityBaselineConfigStatisticsResourceArgs
                                .builder().s3Uri(inputs.baseline().statisticsUri()).build())
                        .constraintsResource(DataQualityJobDefinitionDataQualityBaselineConfigConstraintsResourceArgs
                                .builder().s3Uri(inputs.baseline().constraintsUri()).build())
                        .build())
                .dataQualityJobInput(DataQualityJobDefinitionDataQualityJobInputArgs.builder()
                        .endpointInput(DataQualityJobDefinitionDataQualityJobInputEndpointInputArgs.builder()
                                .endpointName(args.endpointName())
                                .localPath(CAPTURE_PATH)
                                .s3InputMode("File")
                                .s3DataDistributionType("FullyReplicated")
                                .build())
                        .build())
                .dataQualityJobOutputConfig(reports(inputs))
                .jobResources(DataQualityJobDefinitionJobResourcesArgs.builder()
                        .clusterConfig(DataQualityJobDefinitionJobResourcesClusterConfigArgs.builder()
                                .instanceCount(1)
                                .instanceType(inputs.instanceType())
                                .volumeSizeInGb(VOLUME_SIZE_GB)
                                .volumeKmsKeyId(inputs.kmsKeyArn())
                                .build())
                        .build())
                .networkConfig(network(inputs))
                .stoppingCondition(DataQualityJobDefinitionStoppingConditionArgs.builder()
                        .maxRuntimeInSeconds(inputs.maxRuntimeSeconds())
                        .build())
                .tags(args.tags())
                .build();
    }

    private static EventRule alertRule(String name, String ruleName, String description, Output<String> pattern,
                                       Topic topic, DataQualityMonitorArgs args, CustomResourceOptions options) {
        var rule = new EventRule(name, EventRuleArgs.builder()
                .name(ruleName)
                .description(description)
                .eventPattern(pattern)
                .tags(args.tags())
                .build(), options);
        new EventTarget(name, EventTargetArgs.builder()
                .rule(rule.name())
                .arn(topic.arn())
                .build(), options);
        return rule;
    }

    /** Publishing over TLS only, and only by the two alert rules of this monitor. */
    static List<Statement> topicStatements(Output<String> topicArn, List<Output<String>> ruleArns) {
        Statement rules = Statement.allow("AllowMonitoringAlertRules", "sns:Publish")
                .principal("Service", "events.amazonaws.com")
                .on(topicArn);
        ruleArns.forEach(arn -> rules.when("ArnEquals", "aws:SourceArn", arn));
        return List.of(
                Statement.deny("DenyInsecureTransport", "sns:Publish")
                        .principal("AWS", "*")
                        .on(topicArn)
                        .when("Bool", "aws:SecureTransport", "false"),
                rules);
    }
}
