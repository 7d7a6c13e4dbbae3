package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Log groups keep events long enough for investigations (never expiring is fine). */
public final class LogGroupRetention extends ResourcePolicy {
    static final String MINIMUM = "minimumRetentionDays";

    public LogGroupRetention() {
        super("log-group-retention",
                "CloudWatch log groups retain events for at least the minimum period (default 90 days); "
                        + "never expiring (0 or unset) is accepted.",
                Severity.MEDIUM, EnforcementLevel.MANDATORY,
                "Set retentionInDays to at least the configured minimum (e.g. 90, 180, 365), or leave it unset "
                        + "to keep events forever.",
                List.of("NIST.800.53.R5-CloudWatchLogGroupRetentionPeriod",
                        "HIPAA.Security-CloudWatchLogGroupRetentionPeriod", "CKV_AWS_66"),
                Set.of(Types.LOG_GROUP));
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of(MINIMUM, Map.of("type", "number", "minimum", 1, "default", 90,
                "description", "Smallest accepted retentionInDays."));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        Double days = p.number("retentionInDays");
        double minimum = s.number(MINIMUM, 90);
        if (days != null && days > 0 && days < minimum) {
            sink.violation(r, "retentionInDays is " + days.longValue() + ", below the minimum of "
                    + (long) minimum);
        }
    }
}
