package com.sagemakermlops.config;

import java.util.Optional;

/** Enterprise security monitoring: audit log retention and where alerts go. */
public record SecurityConfig(int logRetentionDays, Optional<String> alertProtocol, Optional<String> alertEndpoint) {
    public static final int MINIMUM_RETENTION_DAYS = 90;
    public static final int DEFAULT_RETENTION_DAYS = 365;

    public static SecurityConfig defaults() {
        return new SecurityConfig(DEFAULT_RETENTION_DAYS, Optional.empty(), Optional.empty());
    }
}
