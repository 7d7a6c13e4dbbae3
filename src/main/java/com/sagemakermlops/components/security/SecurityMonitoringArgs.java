package com.sagemakermlops.components.security;

import com.sagemakermlops.components.ProductContext;
import com.sagemakermlops.components.store.ModelStoreRef;
import com.sagemakermlops.config.SecurityConfig;

import java.util.Objects;

/**
 * Inputs of {@link SecurityMonitoring}.
 *
 * @param product     names, tags, account and the boundary of the trail's delivery role; required
 * @param security    log retention (at least 90 days) and the alert subscription, if any; required
 * @param store       the product key the log group, topic and trail encrypt with; the component declares its
 *                    {@link KeyPolicyGrants#forSecurityMonitoring} on it; required
 * @param createTrail whether to create a multi-region CloudTrail trail delivering to the log group; turn off where an
 *                    organization trail already exists and is wired to the log group; default (the stack's) true
 */
public record SecurityMonitoringArgs(ProductContext product, SecurityConfig security, ModelStoreRef store,
                                     boolean createTrail) {

    public SecurityMonitoringArgs {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(store, "store");
    }
}
