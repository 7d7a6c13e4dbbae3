package com.sagemakermlops.components.hosting;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.sagemaker.inputs.EndpointDeploymentConfigAutoRollbackConfigurationAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The alarms a blue/green deployment of the endpoint watches: any 5xx in two consecutive minutes, or a model latency
 * of a second on average for three minutes, rolls the new version back. Each alarms on one metric of the endpoint's
 * variant, a minute per datapoint, and stays quiet while there is no traffic.
 */
public final class RollbackAlarms extends ComponentResource {
    public static final String TYPE = "sagemaker-mlops:hosting:RollbackAlarms";

    static final String NAMESPACE = "AWS/SageMaker";
    /** Any 5xx in two consecutive minutes: a version that fails requests is rolled back. */
    static final double ERRORS_THRESHOLD = 1;
    /** ModelLatency is in microseconds: one second on average for three minutes. */
    static final double LATENCY_THRESHOLD_MICROS = 1_000_000;

    private final MetricAlarm errors;
    private final MetricAlarm latency;

    /**
     * @param stage the stage served, named in the alarms' descriptions
     * @param names the endpoint's and the alarms' physical names
     * @param tags  the tags every alarm carries
     */
    public record Args(String stage, Output<HostingNames> names, Output<Map<String, String>> tags) {
    }

    public RollbackAlarms(String name, Args args, @Nullable ComponentResourceOptions options) {
        super(TYPE, name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.errors = alarm(name + "-5xx-errors", args, HostingNames::errorsAlarm, MetricAlarmArgs.builder()
                .alarmDescription("5xx responses of the " + args.stage() + " endpoint: rolls a deployment back")
                .metricName("Invocation5XXErrors").statistic("Sum")
                .evaluationPeriods(2).datapointsToAlarm(2).threshold(ERRORS_THRESHOLD), child);
        this.latency = alarm(name + "-model-latency", args, HostingNames::latencyAlarm, MetricAlarmArgs.builder()
                .alarmDescription("Model latency of the " + args.stage() + " endpoint: rolls a deployment back")
                .metricName("ModelLatency").statistic("Average")
                .evaluationPeriods(3).datapointsToAlarm(3).threshold(LATENCY_THRESHOLD_MICROS), child);
        registerOutputs(Map.of("errorsAlarmName", errors.name(), "latencyAlarmName", latency.name()));
    }

    /** The 5xx alarm. */
    public MetricAlarm errors() {
        return errors;
    }

    /** The model latency alarm. */
    public MetricAlarm latency() {
        return latency;
    }

    /** Both alarms as the endpoint's auto-rollback configuration names them. */
    List<EndpointDeploymentConfigAutoRollbackConfigurationAlarmArgs> rollbackConfiguration() {
        return List.of(rollbackAlarm(errors), rollbackAlarm(latency));
    }

    private static MetricAlarm alarm(String name, Args args, java.util.function.Function<HostingNames, String> alarmName,
                                     MetricAlarmArgs.Builder metric, CustomResourceOptions options) {
        return new MetricAlarm(name, metric
                .name(args.names().applyValue(alarmName::apply))
                .namespace(NAMESPACE)
                .dimensions(args.names().applyValue(names -> Map.of(
                        "EndpointName", names.endpoint(), "VariantName", HostingNames.VARIANT)))
                .period(60)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .treatMissingData("notBreaching")
                .tags(args.tags())
                .build(), options);
    }

    private static EndpointDeploymentConfigAutoRollbackConfigurationAlarmArgs rollbackAlarm(MetricAlarm alarm) {
        return EndpointDeploymentConfigAutoRollbackConfigurationAlarmArgs.builder().alarmName(alarm.name()).build();
    }
}
