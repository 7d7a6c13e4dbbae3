package com.sagemakermlops.config;

import java.util.Optional;

/**
 * A hosting stack: which tooling stack to read, which stage it is, and how the approved model is served.
 *
 * @param currentInstanceCount     the instances the endpoint's variant runs now, as the deploy build read them before
 *                                 the update (the autoscaler may have added some since {@code initialInstanceCount})
 * @param servedEndpointConfigName the configuration the endpoint serves when it is not the one the last deploy put
 *                                 it on (that deploy was rolled back), as the deploy build read it: the endpoint's
 *                                 versions are kept in SageMaker, so new ones are named apart from them
 */
public record HostingConfig(
        String toolingStack,
        TargetEnvironment.Stage stage,
        Optional<String> modelPackageArn,
        String instanceType,
        int initialInstanceCount,
        Optional<Integer> currentInstanceCount,
        Optional<String> servedEndpointConfigName,
        Autoscaling autoscaling,
        Deployment deployment) {

    /**
     * The instances a new endpoint configuration starts with. SageMaker's UpdateEndpoint starts the new fleet with
     * the configuration's initial count unless told to retain the variant's properties, which the provider never
     * does (its UpdateEndpoint sends the endpoint and configuration names and the deployment configuration only):
     * so the count the autoscaler runs now, when higher, and never more than the autoscaler's maximum.
     */
    public int startingInstanceCount() {
        return Math.min(autoscaling.maxCapacity(), Math.max(initialInstanceCount, currentInstanceCount.orElse(0)));
    }

    /** Target-tracking autoscaling on invocations per instance. */
    public record Autoscaling(int minCapacity, int maxCapacity, int targetInvocationsPerInstance) {
    }

    /**
     * How a new model version replaces the old one on the endpoint (blue/green): each traffic shift is followed by a
     * bake of {@code waitMinutes} while the rollback alarms watch, and the old fleet is kept as long again after the
     * last shift.
     */
    public record Deployment(Strategy strategy, int trafficPercent, int waitMinutes) {
        /**
         * How long pulumi-aws waits for the endpoint to be InService after UpdateEndpoint, whatever the program's
         * custom timeouts say (terraform-provider-aws internal/service/sagemaker/endpoint.go: waitEndpointInService
         * has a fixed 60-minute timeout, and the resource declares no configurable timeouts).
         */
        public static final int PROVIDER_WAIT_MINUTES = 60;
        /** SageMaker must settle (finish or roll back) a deployment within this, before the provider gives up. */
        public static final int SETTLE_MINUTES = PROVIDER_WAIT_MINUTES - 5;
        /** Allowed for SageMaker to start the new fleet before the first shift. */
        public static final int PROVISIONING_MINUTES = 15;
        /**
         * SageMaker's bounds on a canary and on a linear step, in percent of the new fleet's capacity
         * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_TrafficRoutingConfig.html).
         */
        public static final int CANARY_MIN = 1;
        public static final int CANARY_MAX = 50;
        public static final int LINEAR_MIN = 10;
        public static final int LINEAR_MAX = 50;

        public enum Strategy {
            ALL_AT_ONCE, CANARY, LINEAR
        }

        /** The traffic shifts: one, the canary and the rest, or one per linear step. */
        public int shifts() {
            return switch (strategy) {
                case ALL_AT_ONCE -> 1;
                case CANARY -> 2;
                case LINEAR -> (100 + trafficPercent - 1) / trafficPercent;
            };
        }

        /** The deployment's planned duration: the new fleet's start, a bake per shift, and the final wait. */
        public int plannedMinutes() {
            return PROVISIONING_MINUTES + (shifts() + 1) * waitMinutes;
        }

        /** The longest bake with which this strategy still settles in time. */
        public int longestWaitMinutes() {
            return (SETTLE_MINUTES - PROVISIONING_MINUTES) / (shifts() + 1);
        }
    }
}
