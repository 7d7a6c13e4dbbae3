package com.sagemakermlops.components.hosting;

import com.sagemakermlops.naming.PhysicalName;

import java.util.Locale;
import java.util.Optional;

/**
 * The physical names of one stage's hosting. SageMaker cannot change a model or an endpoint configuration (every
 * input but the tags forces a replacement), so their names carry a fingerprint of every such input: a change makes
 * a new one under a new name, which the endpoint moves to blue/green, and never a second one under the old name.
 * The endpoint's and the alarms' names are stable per stage: the alarms are the endpoint's rollback alarms, and a
 * change to those forces the endpoint's own replacement. All names are fitted by {@link PhysicalName} and start with
 * {@link #resourcePrefix}.
 *
 * @param errorsAlarm  the alarm on the variant's 5xx responses
 * @param latencyAlarm the alarm on the variant's model latency
 */
public record HostingNames(String model, String endpointConfig, String endpoint, String errorsAlarm,
                           String latencyAlarm) {

    /** The single production variant of every endpoint. */
    public static final String VARIANT = "AllTraffic";

    /**
     * What makes a model: the approved package, the role it runs as, its isolation and its network.
     *
     * @param vpc               the subnets and security groups, or empty outside a VPC
     * @param servedAfterRollback the configuration a rolled-back deploy left the endpoint on: it and its model are
     *                          kept in SageMaker outside the stack's state, so new names must differ from theirs
     *                          even when the inputs are theirs again
     */
    public record ModelInputs(String modelPackageArn, String executionRoleArn, boolean networkIsolation,
                              Optional<String> vpc, Optional<String> servedAfterRollback) {
        String fingerprint() {
            return PhysicalName.hash(String.join("\n", modelPackageArn, executionRoleArn,
                    String.valueOf(networkIsolation), vpc.orElse(""), servedAfterRollback.orElse("")));
        }
    }

    /**
     * What makes an endpoint configuration besides its model: the variant's instances, the key, and where requests
     * are captured (empty when they are not).
     */
    public record ConfigInputs(String instanceType, int instanceCount, String kmsKeyArn, Optional<String> capture) {
        String fingerprint(String modelName) {
            return PhysicalName.hash(String.join("\n", modelName, VARIANT, instanceType, String.valueOf(instanceCount),
                    kmsKeyArn, capture.orElse("")));
        }
    }

    /** The names of {@code stage}'s hosting of {@code productName}: {@code <productName>-<stage>-...}. */
    public static HostingNames of(String productName, String stage, ModelInputs model, ConfigInputs config) {
        String base = productName + "-" + stage;
        String modelName = PhysicalName.SAGEMAKER.fit(base + "-model-" + model.fingerprint());
        return new HostingNames(
                modelName,
                PhysicalName.SAGEMAKER.fit(base + "-config-" + config.fingerprint(modelName)),
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
