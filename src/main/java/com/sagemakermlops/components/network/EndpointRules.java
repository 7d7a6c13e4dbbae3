package com.sagemakermlops.components.network;

import com.sagemakermlops.config.IngressRule;

import java.util.ArrayList;
import java.util.List;

/**
 * The security group rules of the interface endpoints: ingress from each allowed CIDR on its ports (HTTPS by
 * default), egress HTTPS to the same CIDRs; with no CIDR configured, HTTPS between members of the group only.
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
            String ports = rule.fromPort() == rule.toPort() ? "port " + rule.fromPort()
                    : "ports " + rule.fromPort() + "-" + rule.toPort();
            rules.add(new Rule("VPC endpoints on " + ports + " from " + rule.cidr(), rule.fromPort(), rule.toPort(),
                    rule.ipv6() ? List.of() : List.of(rule.cidr()), rule.ipv6() ? List.of(rule.cidr()) : List.of(),
                    false));
        }
        return rules;
    }

    static List<Rule> egress(List<String> allowedIngressCidrs) {
        if (allowedIngressCidrs.isEmpty()) {
            return List.of(new Rule("HTTPS to members of this security group",
                    IngressRule.HTTPS, IngressRule.HTTPS, List.of(), List.of(), true));
        }
        List<IngressRule> rules = allowedIngressCidrs.stream().map(IngressRule::parse).toList();
        List<String> ipv4 = rules.stream().filter(r -> !r.ipv6()).map(IngressRule::cidr).distinct().toList();
        List<String> ipv6 = rules.stream().filter(IngressRule::ipv6).map(IngressRule::cidr).distinct().toList();
        return List.of(new Rule("HTTPS responses and calls to the allowed CIDRs only", IngressRule.HTTPS,
                IngressRule.HTTPS, ipv4, ipv6, false));
    }
}
