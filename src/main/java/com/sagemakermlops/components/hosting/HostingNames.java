package com.sagemakermlops.components.hosting;

import com.sagemakermlops.config.TargetEnvironment;
import com.sagemakermlops.naming.PhysicalName;

import java.util.Locale;

/**
 * The physical names of one stage's hosting. The model and endpoint configuration carry a fingerprint of the model
 * package ARN, so a new approved version creates new ones and the endpoint moves to them blue/green; the endpoint's
 * name is stable per stage. All names are fitted by {@link PhysicalName} and start with {@link #resourcePrefix}.
 *
 * @param errorsAlarm  the alarm on the variant's 5xx responses
 * @param latencyAlarm the alarm on the variant's model latency
 */
public record HostingNames(String model, String endpointConfig, String endpoint, String errorsAlarm,
                           String latencyAlarm) {

    /** The single production variant of every endpoint. */
    public static final String VARIANT = "AllTraffic";

    public static HostingNames of(String productName, TargetEnvironment.Stage stage, String modelPackageArn) {
        String version = PhysicalName.hash(modelPackageArn);
        String base = productName + "-" + stage.id();
        return new HostingNames(
                PhysicalName.SAGEMAKER.fit(base + "-model-" + version),
                PhysicalName.SAGEMAKER.fit(base + "-config-" + version),
                PhysicalName.SAGEMAKER.fit(base + "-endpoint"),
                PhysicalName.ALARM.fit(base + "-endpoint-5xx-errors"),
                PhysicalName.ALARM.fit(base + "-endpoint-model-latency"));
    }

    /**
     * The start every SageMaker name of the product keeps, even when shortened: what IAM policies scope SageMaker
     * resources to. SageMaker ARNs spell names in lower case, so this is lower case too.
     */
    public static String resourcePrefix(String productName) {
        return PhysicalName.SAGEMAKER.sharedPrefix(productName).toLowerCase(Locale.ROOT);
    }

    /** The start of every alarm name of the product. */
    public static String alarmPrefix(String productName) {
        return PhysicalName.ALARM.fit(productName + "-");
    }

    /** Application Auto Scaling's id of the endpoint's variant. */
    public static String scalableResourceId(String endpointName) {
        return "endpoint/" + endpointName + "/variant/" + VARIANT;
    }
}
