package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.Props;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Ingress rules of security groups, normalised over the three ways the provider declares them. */
final class Ingress {
    static final Set<String> TYPES = Set.of(Types.SECURITY_GROUP, Types.SG_INGRESS_RULE, Types.SG_RULE);
    private static final Set<String> PUBLIC = Set.of("0.0.0.0/0", "::/0");

    /**
     * One ingress rule.
     *
     * @param label    how messages name it, e.g. {@code ingress[0]}
     * @param protocol lower-cased protocol ("tcp", "udp", "icmp", "-1"...)
     * @param fromPort first port (0 when absent)
     * @param toPort   last port (65535 when absent)
     * @param cidrs    the IPv4 and IPv6 CIDR blocks
     */
    record Rule(String label, String protocol, int fromPort, int toPort, List<String> cidrs) {
        boolean allProtocols() {
            return protocol.equals("-1") || protocol.equals("all");
        }

        /** True when the rule admits TCP or UDP traffic to the port. */
        boolean covers(int port) {
            if (allProtocols()) {
                return true;
            }
            boolean tcpOrUdp = protocol.equals("tcp") || protocol.equals("udp") || protocol.equals("6")
                    || protocol.equals("17");
            return tcpOrUdp && fromPort <= port && port <= toPort;
        }

        List<String> publicCidrs() {
            return cidrs.stream().filter(PUBLIC::contains).toList();
        }

        String ports() {
            if (allProtocols()) {
                return "all traffic";
            }
            return protocol + " " + (fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort);
        }
    }

    private Ingress() {
    }

    /** The ingress rules of a resource of one of {@link #TYPES}; unknown values throw. */
    static List<Rule> of(PolicyResource r, Props p) {
        List<Rule> out = new ArrayList<>();
        switch (r.type()) {
            case Types.SECURITY_GROUP -> {
                List<Props> rules = p.objects("ingress");
                for (int i = 0; i < rules.size(); i++) {
                    Props x = rules.get(i);
                    List<String> cidrs = new ArrayList<>(x.strings("cidrBlocks"));
                    cidrs.addAll(x.strings("ipv6CidrBlocks"));
                    out.add(rule("ingress[" + i + "]", x, "protocol", cidrs));
                }
            }
            case Types.SG_INGRESS_RULE -> {
                List<String> cidrs = new ArrayList<>();
                for (String key : List.of("cidrIpv4", "cidrIpv6")) {
                    String c = p.string(key);
                    if (c != null) {
                        cidrs.add(c);
                    }
                }
                out.add(rule("rule", p, "ipProtocol", cidrs));
            }
            case Types.SG_RULE -> {
                if ("ingress".equals(p.string("type"))) {
                    List<String> cidrs = new ArrayList<>(p.strings("cidrBlocks"));
                    cidrs.addAll(p.strings("ipv6CidrBlocks"));
                    out.add(rule("rule", p, "protocol", cidrs));
                }
            }
            default -> {
            }
        }
        return out;
    }

    private static Rule rule(String label, Props x, String protocolKey, List<String> cidrs) {
        String protocol = x.string(protocolKey);
        Double from = x.number("fromPort");
        Double to = x.number("toPort");
        int fromPort = from == null || from < 0 ? 0 : from.intValue();
        int toPort = to == null || to < 0 ? 65535 : to.intValue();
        return new Rule(label, protocol == null ? "-1" : protocol.toLowerCase(Locale.ROOT), fromPort, toPort, cidrs);
    }
}
