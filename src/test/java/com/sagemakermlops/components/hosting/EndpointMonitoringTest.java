package com.sagemakermlops.components.hosting;

import com.google.gson.Gson;
import com.sagemakermlops.components.hosting.monitoring.MonitoringNames;
import com.sagemakermlops.config.HostingConfig.Deployment.Strategy;
import com.sagemakermlops.config.MonitoringConfig;
import com.sagemakermlops.config.MonitoringSchedule;
import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.sagemakermlops.components.hosting.ModelHostingTest.nested;
import static com.sagemakermlops.components.hosting.ModelHostingTest.one;
import static org.assertj.core.api.Assertions.assertThat;

class EndpointMonitoringTest {
    private static final String JOB = "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition";
    private static final String SCHEDULE = "aws:sagemaker/monitoringSchedule:MonitoringSchedule";
    private static final String RULE = "aws:cloudwatch/eventRule:EventRule";
    private static final String TOPIC = "aws:sns/topic:Topic";
    private static final String ANALYZER = "159807026194.dkr.ecr.us-west-2.amazonaws.com/sagemaker-model-monitor-analyzer";

    private static Recording preprod(MonitoringConfig monitoring) {
        return ModelHostingTest.run(ModelHostingTest.hosting(TargetEnvironment.Stage.PREPROD, monitoring,
                Strategy.ALL_AT_ONCE, 100, 10), ToolingFixture.PACKAGE_V3);
    }

    private static MonitoringConfig monitoring(Optional<Boolean> enabled, String schedule, int maxRuntimeMinutes,
                                               Optional<MonitoringConfig.Baseline> baseline) {
        return new MonitoringConfig(enabled, MonitoringSchedule.parse(schedule).schedule().orElseThrow(),
                "ml.m5.xlarge", maxRuntimeMinutes, baseline);
    }

    @Test
    void theJobComparesTheEndpointsCaptureWithTheServedVersionsBaseline() {
        Recording recording = preprod(ToolingFixture.monitoring());
        assertThat(recording.errors()).isEmpty();
        Map<String, Object> job = one(recording, JOB);
        String endpoint = one(recording, "aws:sagemaker/endpoint:Endpoint").get("name").toString();
        assertThat(nested(job, "dataQualityJobInput", "endpointInput"))
                .containsEntry("endpointName", endpoint)
                .containsEntry("localPath", "/opt/ml/processing/input/endpoint")
                .containsEntry("s3InputMode", "File");
        assertThat(nested(job, "dataQualityBaselineConfig")).isEqualTo(Map.of(
                "statisticsResource", Map.of("s3Uri", ToolingFixture.BASELINE + "statistics.json"),
                "constraintsResource", Map.of("s3Uri", ToolingFixture.BASELINE + "constraints.json")));
        assertThat(nested(job, "dataQualityAppSpecification")).isEqualTo(Map.of("imageUri", ANALYZER,
                "environment", Map.of("publish_cloudwatch_metrics", "Enabled")));
        assertThat(job).containsEntry("roleArn", "arn:aws:iam::" + TestStacks.PREPROD_ACCOUNT + ":role/"
                + MonitoringNames.role(ToolingFixture.PRODUCT, TargetEnvironment.Stage.PREPROD));
        assertThat(nested(job, "stoppingCondition")).containsEntry("maxRuntimeInSeconds", 3600.0);
    }

    @Test
    void reportsAndVolumeAreEncryptedWithTheProductKeyInTheEndpointsNetwork() {
        Map<String, Object> job = one(preprod(ToolingFixture.monitoring()), JOB);
        Map<String, Object> output = nested(job, "dataQualityJobOutputConfig");
        assertThat(output).containsEntry("kmsKeyId", ToolingFixture.KMS_KEY_ARN);
        assertThat(nested(output, "monitoringOutputs", "s3Output"))
                .containsEntry("s3Uri", "s3://" + ToolingFixture.BUCKET + "/monitoring-reports/preprod/")
                .containsEntry("s3UploadMode", "EndOfJob");
        assertThat(nested(job, "jobResources", "clusterConfig"))
                .containsEntry("volumeKmsKeyId", ToolingFixture.KMS_KEY_ARN)
                .containsEntry("instanceType", "ml.m5.large")
                .containsEntry("instanceCount", 1.0);
        Map<String, Object> network = nested(job, "networkConfig");
        assertThat(network).containsEntry("enableNetworkIsolation", true)
                .containsEntry("enableInterContainerTrafficEncryption", true);
        assertThat(nested(network, "vpcConfig")).containsEntry("subnets", ToolingFixture.PREPROD_SUBNETS)
                .containsEntry("securityGroupIds", ToolingFixture.PREPROD_SECURITY_GROUPS);
    }

    @Test
    void theScheduleRunsTheJobDefinitionOnTheConfiguredCron() {
        Recording recording = preprod(monitoring(Optional.empty(), "cron(0 0/6 ? * * *)", 45,
                Optional.of(ToolingFixture.BASELINE_FILES)));
        Map<String, Object> schedule = one(recording, SCHEDULE);
        assertThat(schedule).containsEntry("name",
                MonitoringNames.schedule(ToolingFixture.PRODUCT, TargetEnvironment.Stage.PREPROD));
        assertThat(nested(schedule, "monitoringScheduleConfig"))
                .containsEntry("monitoringJobDefinitionName", one(recording, JOB).get("name"))
                .containsEntry("monitoringType", "DataQuality")
                .containsEntry("scheduleConfig", Map.of("scheduleExpression", "cron(0 0/6 ? * * *)"));
        assertThat(nested(one(recording, JOB), "stoppingCondition")).containsEntry("maxRuntimeInSeconds", 2700.0);
    }

    @Test
    void aNewBaselineGetsANewJobDefinitionUnderTheSameSchedule() {
        var next = new MonitoringConfig.Baseline(ToolingFixture.BASELINE.replace("q3n8x4v2k7a1", "r5m2k8w1x9b3")
                + "statistics.json", ToolingFixture.BASELINE.replace("q3n8x4v2k7a1", "r5m2k8w1x9b3") + "constraints.json");
        Recording v3 = preprod(ToolingFixture.monitoring());
        Recording v4 = preprod(monitoring(Optional.empty(), MonitoringSchedule.HOURLY, 60, Optional.of(next)));
        assertThat(one(v4, JOB).get("name")).isNotEqualTo(one(v3, JOB).get("name"));
        assertThat(one(v4, SCHEDULE).get("name")).isEqualTo(one(v3, SCHEDULE).get("name"));
    }

    @Test
    void failedExecutionsAndViolationsAreReportedToTheEncryptedStageAlertTopic() {
        Recording recording = preprod(ToolingFixture.monitoring());
        Map<String, Object> topic = one(recording, TOPIC);
        assertThat(topic).containsEntry("kmsMasterKeyId", ToolingFixture.KMS_KEY_ARN)
                .containsEntry("name", MonitoringNames.alertTopic(ToolingFixture.PRODUCT, TargetEnvironment.Stage.PREPROD));
        String scheduleArn = recording.ofType(SCHEDULE).get(0).outputValues().get("arn").toString();
        Map<String, Map<String, Object>> patterns = new java.util.HashMap<>();
        recording.ofType(RULE).forEach(rule -> patterns.put(rule.inputValues().get("name").toString(),
                json(rule.inputValues().get("eventPattern"))));
        String failed = MonitoringNames.failedRule(ToolingFixture.PRODUCT, TargetEnvironment.Stage.PREPROD);
        String violations = MonitoringNames.violationsRule(ToolingFixture.PRODUCT, TargetEnvironment.Stage.PREPROD);
        assertThat(patterns).containsOnlyKeys(failed, violations);
        assertThat(patterns.get(failed)).containsEntry("source", List.of("aws.sagemaker"))
                .containsEntry("detail-type", List.of("SageMaker Processing Job State Change"))
                .containsEntry("detail", Map.of("MonitoringScheduleArn", List.of(scheduleArn),
                        "ProcessingJobStatus", List.of("Failed")));
        assertThat(patterns.get(violations)).containsEntry("detail", Map.of("MonitoringScheduleArn",
                List.of(scheduleArn), "ProcessingJobStatus", List.of("Completed"),
                "ExitMessage", List.of(Map.of("prefix", "CompletedWithViolations"))));
        String topicArn = recording.ofType(TOPIC).get(0).outputValues().get("arn").toString();
        assertThat(recording.ofType("aws:cloudwatch/eventTarget:EventTarget"))
                .extracting(t -> t.inputValues().get("arn")).containsExactly(topicArn, topicArn);
        Map<String, Object> policy = json(one(recording, "aws:sns/topicPolicy:TopicPolicy").get("policy"));
        assertThat(policy.get("Statement").toString()).contains("aws:SecureTransport")
                .contains("events.amazonaws.com");
    }

    @Test
    void withoutDataCaptureTheEndpointIsNotMonitoredUnlessAskedTo() {
        Recording prod = ModelHostingTest.run(ModelHostingTest.hosting(TargetEnvironment.Stage.PROD,
                ToolingFixture.monitoring(), Strategy.ALL_AT_ONCE, 100, 10), ToolingFixture.PACKAGE_V3);
        assertThat(prod.errors()).isEmpty();
        assertThat(prod.ofType(JOB)).isEmpty();
        assertThat(prod.ofType(SCHEDULE)).isEmpty();

        Recording asked = ModelHostingTest.run(ModelHostingTest.hosting(TargetEnvironment.Stage.PROD,
                monitoring(Optional.of(true), MonitoringSchedule.HOURLY, 60, Optional.of(ToolingFixture.BASELINE_FILES)),
                Strategy.ALL_AT_ONCE, 100, 10), ToolingFixture.PACKAGE_V3);
        assertThat(String.join("\n", asked.errors())).contains("hosting.monitoring.enabled is true")
                .contains("deploy.enableDataCapture is false");
    }

    @Test
    void aMonitoredEndpointNeedsItsVersionsBaselineAndCanBeTurnedOff() {
        Recording missing = preprod(MonitoringConfig.defaults());
        assertThat(String.join("\n", missing.errors()))
                .contains("sagemaker-mlops:hosting.monitoring.statisticsUri and constraintsUri are required");
        Recording off = preprod(monitoring(Optional.of(false), MonitoringSchedule.HOURLY, 60, Optional.empty()));
        assertThat(off.errors()).isEmpty();
        assertThat(off.ofType(JOB)).isEmpty();
        assertThat(off.ofType(TOPIC)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object text) {
        return new Gson().fromJson(text.toString(), Map.class);
    }
}
