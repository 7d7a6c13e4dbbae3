package com.sagemakermlops.config;

import java.util.Optional;

/** A hosting stack: which tooling stack to read, which stage it is, and how the approved model is served. */
public record HostingConfig(
        String toolingStack,
        TargetEnvironment.Stage stage,
        Optional<String> modelPackageArn,
        String instanceType,
        int initialInstanceCount,
        Autoscaling autoscaling,
        Deployment deployment) {

    /** Target-tracking autoscaling on invocations per instance. */
    public record Autoscaling(int minCapacity, int maxCapacity, int targetInvocationsPerInstance) {
    }

    /** How a new model version replaces the old one on the endpoint (blue/green). */
    public record Deployment(Strategy strategy, int trafficPercent, int waitMinutes) {
        public enum Strategy {
            ALL_AT_ONCE, CANARY, LINEAR
        }
    }
}
