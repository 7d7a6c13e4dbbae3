package com.sagemakermlops.components.hosting;

import com.pulumi.core.Output;
import com.sagemakermlops.config.HostingConfig;
import com.sagemakermlops.contract.ToolingExports;

import java.util.Map;
import java.util.Objects;

/**
 * What {@link ModelHosting} serves and where from.
 *
 * @param hosting         the stage, instances, autoscaling and blue/green deployment of the endpoint
 * @param modelPackageArn the approved model package version to serve
 * @param tooling         the tooling stack's key, bucket, product name and the stage's environment
 * @param tags            the tags every resource carries
 */
public record ModelHostingArgs(HostingConfig hosting, String modelPackageArn, ToolingExports tooling,
                               Output<Map<String, String>> tags) {
    public ModelHostingArgs {
        Objects.requireNonNull(hosting, "hosting");
        Objects.requireNonNull(modelPackageArn, "modelPackageArn");
        Objects.requireNonNull(tooling, "tooling");
        Objects.requireNonNull(tags, "tags");
    }
}
