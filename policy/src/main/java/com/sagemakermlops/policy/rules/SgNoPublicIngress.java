package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;
import java.util.Map;

/** No other ingress from the whole internet either. */
public final class SgNoPublicIngress extends ResourcePolicy {
    static final String ALLOWED = "allowedPublicPorts";

    public SgNoPublicIngress() {
        super("sg-no-public-ingress",
                "Security groups do not admit traffic from 0.0.0.0/0 or ::/0 (SSH/RDP are covered by "
                        + "sg-no-public-admin-ports).",
                Severity.MEDIUM, EnforcementLevel.ADVISORY,
                "Restrict the source to known CIDRs, a prefix list or a security group; list deliberate public "
                        + "ports (e.g. 443) in allowedPublicPorts.",
                List.of("AwsSolutions-EC23", "CKV_AWS_260"),
                Ingress.TYPES);
    }

    @Override
    public Map<String, Map<String, Object>> configSchema() {
        return Map.of(ALLOWED,
                SettingSchemas.stringList("Ports (as strings, e.g. \"443\") that may be open to the internet."));
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        List<String> allowed = s.strings(ALLOWED);
        for (Ingress.Rule rule : Ingress.of(r, p)) {
            List<String> open = rule.publicCidrs();
            if (open.isEmpty() || SgNoPublicAdminPorts.ADMIN_PORTS.stream().anyMatch(rule::covers)) {
                continue;
            }
            boolean deliberate = !rule.allProtocols() && rule.fromPort() == rule.toPort()
                    && allowed.contains(String.valueOf(rule.fromPort()));
            if (!deliberate) {
                sink.violation(r, rule.label() + " admits " + rule.ports() + " from " + String.join(", ", open));
            }
        }
    }
}
