package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.StackPolicy;
import com.sagemakermlops.policy.net.CidrBlock;

import java.util.List;

/**
 * SSH and RDP are never open to the internet: not by one rule from {@code 0.0.0.0/0} or {@code ::/0} in any spelling,
 * nor by several rules of one security group whose blocks together cover every address.
 */
public final class SgNoPublicAdminPorts extends StackPolicy {
    static final List<Integer> ADMIN_PORTS = List.of(22, 3389);

    public SgNoPublicAdminPorts() {
        super("sg-no-public-admin-ports",
                "Security groups do not admit SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0, nor from blocks that "
                        + "together cover every address.",
                Severity.CRITICAL, EnforcementLevel.MANDATORY,
                "Remove the rule; reach instances through SSM Session Manager, or restrict the source to a "
                        + "known CIDR or security group.",
                List.of("NIST.800.53.R5-EC2RestrictedSSH", "HIPAA.Security-EC2RestrictedSSH",
                        "NIST.800.53.R5-EC2RestrictedCommonPorts", "HIPAA.Security-EC2RestrictedCommonPorts",
                        "AwsSolutions-EC23", "CKV_AWS_24", "CKV_AWS_25"),
                Ingress.TYPES);
    }

    @Override
    public void check(List<PolicyResource> resources, PolicySettings s, Sink sink) {
        for (List<Ingress.Member> group : Ingress.groups(resources, sink)) {
            for (Ingress.Member member : group) {
                alone(member, sink);
            }
            for (int port : ADMIN_PORTS) {
                together(group, port, sink);
            }
        }
    }

    private static void alone(Ingress.Member member, Sink sink) {
        Ingress.Rule rule = member.rule();
        List<String> ports = ADMIN_PORTS.stream().filter(rule::covers).map(String::valueOf).toList();
        if (ports.isEmpty()) {
            return;
        }
        List<String> open = rule.publicCidrs();
        if (!open.isEmpty()) {
            sink.violation(member.resource(), rule.label() + " admits port " + String.join(", ", ports) + " ("
                    + rule.ports() + ") from " + String.join(", ", open));
        }
        List<String> unreadable = rule.unreadableCidrs();
        if (!unreadable.isEmpty()) {
            sink.violation(member.resource(), rule.label() + " admits port " + String.join(", ", ports)
                    + " from \"" + String.join("\", \"", unreadable) + "\", which is not a CIDR block: its source "
                    + "cannot be judged");
        }
    }

    /** Rules that are each narrower than the internet but cover it together on {@code port}. */
    private static void together(List<Ingress.Member> group, int port, Sink sink) {
        List<Ingress.Member> covering = group.stream()
                .filter(m -> m.rule().covers(port) && m.rule().publicCidrs().isEmpty()).toList();
        List<CidrBlock> blocks = covering.stream().flatMap(m -> m.rule().blocks().stream()).toList();
        List<String> everywhere = CidrBlock.everywhereTogether(blocks);
        if (everywhere.isEmpty()) {
            return;
        }
        String labels = String.join(", ", covering.stream().map(m -> Ingress.label(m, covering)).toList());
        String message = labels + " together admit port " + port + " from every " + String.join(" and ", everywhere)
                + " address (" + String.join(", ", blocks.stream().map(CidrBlock::written).toList()) + ")";
        covering.stream().map(Ingress.Member::resource).distinct().forEach(r -> sink.violation(r, message));
    }
}
