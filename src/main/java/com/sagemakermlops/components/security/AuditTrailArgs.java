package com.sagemakermlops.components.security;

import com.pulumi.core.Output;
import com.sagemakermlops.components.ProductContext;

import java.util.Objects;

/**
 * Inputs of {@link AuditTrail}.
 *
 * @param product     names, tags, account and the boundary of the delivery role; required
 * @param keyArn      the product key the trail's log files and bucket are encrypted with; required
 * @param logGroupArn the log group the trail delivers to (its ARN without the {@code :*} suffix); required
 */
public record AuditTrailArgs(ProductContext product, Output<String> keyArn, Output<String> logGroupArn) {

    public AuditTrailArgs {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(keyArn, "keyArn");
        Objects.requireNonNull(logGroupArn, "logGroupArn");
    }
}
