package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.ResourcePolicy;
import com.sagemakermlops.policy.Severity;

import java.util.List;

/** SSH and RDP are never open to the internet. */
public final class SgNoPublicAdminPorts extends ResourcePolicy {
    static final List<Integer> ADMIN_PORTS = List.of(22, 3389);

    public SgNoPublicAdminPorts() {
        super("sg-no-public-admin-ports",
                "Security groups do not admit SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0.",
                Severity.CRITICAL, EnforcementLevel.MANDATORY,
                "Remove the rule; reach instances through SSM Session Manager, or restrict the source to a "
                        + "known CIDR or security group.",
                List.of("NIST.800.53.R5-EC2RestrictedSSH", "HIPAA.Security-EC2RestrictedSSH",
                        "NIST.800.53.R5-EC2RestrictedCommonPorts", "HIPAA.Security-EC2RestrictedCommonPorts",
                        "AwsSolutions-EC23", "CKV_AWS_24", "CKV_AWS_25"),
                Ingress.TYPES);
    }

    @Override
    public void check(PolicyResource r, Props p, PolicySettings s, Sink sink) {
        for (Ingress.Rule rule : Ingress.of(r, p)) {
            List<String> open = rule.publicCidrs();
            if (open.isEmpty()) {
                continue;
            }
            List<String> ports = ADMIN_PORTS.stream().filter(rule::covers).map(String::valueOf).toList();
            if (!ports.isEmpty()) {
                sink.violation(r, rule.label() + " admits port " + String.join(", ", ports) + " ("
                        + rule.ports() + ") from " + String.join(", ", open));
            }
        }
    }
}
