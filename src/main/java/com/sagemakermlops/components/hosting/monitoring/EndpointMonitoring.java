package com.sagemakermlops.components.hosting.monitoring;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.sagemakermlops.components.hosting.StageEnvironment;
import com.sagemakermlops.config.MonitoringConfig;
import com.sagemakermlops.config.TargetEnvironment;

import java.util.Map;
import java.util.Optional;

/**
 * Whether and how a hosted endpoint is monitored. Monitoring reads the endpoint's capture, so it follows the
 * stage's data capture (the tooling stack's {@code deploy.enableDataCapture}, read through the stack reference)
 * unless {@code hosting.monitoring.enabled} says otherwise; the monitor is created once that is known.
 */
public final class EndpointMonitoring {
    private EndpointMonitoring() {
    }

    /** What the stage's endpoint is monitored against, or empty when it is not monitored. */
    public record Request(String name, TargetEnvironment.Stage stage, MonitoringConfig monitoring,
                          Output<StageEnvironment> environment, Output<String> productName, Output<String> bucketName,
                          Output<String> kmsKeyArn, Output<String> endpointName, Output<Map<String, String>> tags) {
    }

    /** The monitoring schedule's name, empty when the endpoint is not monitored. */
    public static Output<Optional<String>> attach(Request request, Provider provider, Resource parent) {
        return Output.tuple(request.environment(), request.productName(), request.bucketName(), request.kmsKeyArn())
                .apply(t -> {
                    StageEnvironment environment = t.t1;
                    if (!active(request.monitoring(), environment, request.stage())) {
                        return Output.of(Optional.<String>empty());
                    }
                    var baseline = requireBaseline(request.monitoring());
                    var monitor = new DataQualityMonitor(request.name(), new DataQualityMonitorArgs(request.stage(),
                            request.monitoring(), baseline, new DataQualityMonitorArgs.Tooling(t.t2, t.t3, t.t4),
                            environment, request.endpointName(), request.tags()), provider, parent);
                    return monitor.scheduleName().applyValue(Optional::of);
                });
    }

    /** On by default with data capture; on without data capture there is nothing to read. */
    static boolean active(MonitoringConfig monitoring, StageEnvironment environment, TargetEnvironment.Stage stage) {
        if (monitoring.enabled().orElse(false) && !environment.enableDataCapture()) {
            throw new IllegalStateException("sagemaker-mlops:hosting.monitoring.enabled is true but the tooling stack "
                    + "captures no data of the " + stage.id() + " endpoint (deploy.enableDataCapture is false): "
                    + "monitoring reads the capture; turn capture on or monitoring off");
        }
        return monitoring.activeWith(environment.enableDataCapture());
    }

    /** The served version's baseline, which a monitored endpoint cannot do without. */
    static MonitoringConfig.Baseline requireBaseline(MonitoringConfig monitoring) {
        return monitoring.baseline().orElseThrow(() -> new IllegalStateException(
                "sagemaker-mlops:hosting.monitoring.statisticsUri and constraintsUri are required while the endpoint "
                        + "is monitored: the deploy build sets them from the served version's DriftCheckBaselines "
                        + "(ModelDataQuality); set them, or set hosting.monitoring.enabled to false"));
    }
}
