package com.sagemakermlops.config;

import java.util.Optional;

/**
 * Enterprise security monitoring: audit log retention and where alerts go.
 *
 * @param alertEndpointSecret the endpoint was set with {@code pulumi config set --secret}
 */
public record SecurityConfig(int logRetentionDays, Optional<String> alertProtocol, Optional<String> alertEndpoint,
                             boolean alertEndpointSecret) {
    public static final int MINIMUM_RETENTION_DAYS = 90;
    public static final int DEFAULT_RETENTION_DAYS = 365;

    /** Monitoring whose endpoint, if any, is not secret. */
    public SecurityConfig(int logRetentionDays, Optional<String> alertProtocol, Optional<String> alertEndpoint) {
        this(logRetentionDays, alertProtocol, alertEndpoint, false);
    }

    public static SecurityConfig defaults() {
        return new SecurityConfig(DEFAULT_RETENTION_DAYS, Optional.empty(), Optional.empty());
    }

    /** This configuration with its alert endpoint secret. */
    public SecurityConfig withSecretEndpoint() {
        return new SecurityConfig(logRetentionDays, alertProtocol, alertEndpoint, true);
    }
}
