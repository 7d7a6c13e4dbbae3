package com.sagemakermlops.components.hosting;

import com.sagemakermlops.config.HostingConfig;

import java.util.Objects;

/**
 * How an endpoint serves: its instances, how they scale, and how a new model version replaces the old one.
 *
 * @param instanceType  the instance type of the endpoint's single variant (e.g. {@code ml.m5.large})
 * @param instanceCount the instances a new endpoint configuration starts with: at least 1, at most the autoscaling
 *                      maximum
 * @param autoscaling   target tracking of invocations per instance, between its minimum and maximum capacity
 * @param deployment    the blue/green traffic shift (all at once, canary or linear) and its bake time
 */
public record EndpointSettings(String instanceType, int instanceCount, HostingConfig.Autoscaling autoscaling,
                               HostingConfig.Deployment deployment) {
    public EndpointSettings {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(autoscaling, "autoscaling");
        Objects.requireNonNull(deployment, "deployment");
        if (instanceCount < 1 || instanceCount > autoscaling.maxCapacity()) {
            throw new IllegalArgumentException("instanceCount: expected 1 to the autoscaling maximum "
                    + autoscaling.maxCapacity() + ", got " + instanceCount);
        }
    }

    /** The endpoint a hosting stack's configuration describes, starting with as many instances as run now. */
    public static EndpointSettings of(HostingConfig hosting) {
        return new EndpointSettings(hosting.instanceType(), hosting.startingInstanceCount(), hosting.autoscaling(),
                hosting.deployment());
    }
}
