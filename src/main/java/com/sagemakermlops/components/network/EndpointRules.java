package com.sagemakermlops.components.network;

import com.sagemakermlops.config.IngressRule;

import java.util.ArrayList;
import java.util.List;

/**
 * The ingress of the interface endpoints' security group: HTTPS, the one port an interface endpoint accepts, from
 * each allowed CIDR; with no CIDR configured, from members of the group only. There is no egress rule: an endpoint
 * only answers connections, which a security group lets out without one (the provider revokes the default allow-all
 * egress rule when it creates the group: terraform-provider-aws internal/service/ec2/vpc_security_group.go).
 */
final class EndpointRules {
    /**
     * One rule. {@code self} means the group itself is the peer.
     */
    record Rule(String description, int fromPort, int toPort, List<String> ipv4, List<String> ipv6, boolean self) {
    }

    private EndpointRules() {
    }

    static List<Rule> ingress(List<String> allowedIngressCidrs) {
        if (allowedIngressCidrs.isEmpty()) {
            return List.of(new Rule("HTTPS to the VPC endpoints from members of this security group",
                    IngressRule.HTTPS, IngressRule.HTTPS, List.of(), List.of(), true));
        }
        List<Rule> rules = new ArrayList<>();
        for (String entry : allowedIngressCidrs) {
            IngressRule rule = IngressRule.parse(entry);
            if (!rule.onlyHttps()) {
                throw new IllegalArgumentException("the interface endpoints accept HTTPS only, got " + entry);
            }
            rules.add(new Rule("HTTPS to the VPC endpoints from " + rule.cidr(), IngressRule.HTTPS, IngressRule.HTTPS,
                    rule.ipv6() ? List.of() : List.of(rule.cidr()), rule.ipv6() ? List.of(rule.cidr()) : List.of(),
                    false));
        }
        return rules;
    }
}
