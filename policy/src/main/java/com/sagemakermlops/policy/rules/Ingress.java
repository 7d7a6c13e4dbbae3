package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PropertyValues;
import com.sagemakermlops.policy.Props;
import com.sagemakermlops.policy.UnknownValueException;
import com.sagemakermlops.policy.net.CidrBlock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ingress rules of security groups, normalised over the three ways the provider declares them, and grouped by the
 * security group they open: a group admits the union of its rules, so rules are judged together as well as alone.
 */
final class Ingress {
    static final Set<String> TYPES = Set.of(Types.SECURITY_GROUP, Types.SG_INGRESS_RULE, Types.SG_RULE);

    /**
     * One ingress rule.
     *
     * @param label    how messages name it, e.g. {@code ingress[0]}
     * @param protocol lower-cased protocol ("tcp", "udp", "icmp", "-1"...)
     * @param fromPort first port (0 when absent)
     * @param toPort   last port (65535 when absent)
     * @param cidrs    the IPv4 and IPv6 CIDR blocks as written
     */
    record Rule(String label, String protocol, int fromPort, int toPort, List<String> cidrs) {
        boolean allProtocols() {
            return protocol.equals("-1") || protocol.equals("all");
        }

        /** "tcp", "udp", or the protocol itself: the numbers 6 and 17 are TCP and UDP. */
        String family() {
            return switch (protocol) {
                case "tcp", "6" -> "tcp";
                case "udp", "17" -> "udp";
                default -> protocol;
            };
        }

        /** True when the rule admits TCP or UDP traffic to the port. */
        boolean covers(int port) {
            if (allProtocols()) {
                return true;
            }
            boolean tcpOrUdp = family().equals("tcp") || family().equals("udp");
            return tcpOrUdp && fromPort <= port && port <= toPort;
        }

        /** The CIDRs read as blocks (in any spelling); those that are not CIDR blocks are left out. */
        List<CidrBlock> blocks() {
            return cidrs.stream().map(CidrBlock::parse).flatMap(Optional::stream).toList();
        }

        /** The CIDRs that alone are the whole internet: {@code 0.0.0.0/0}, {@code ::/0}, {@code 0000::/0}... */
        List<String> publicCidrs() {
            return blocks().stream().filter(CidrBlock::everywhere).map(CidrBlock::written).toList();
        }

        /** The CIDRs no AWS API accepts (malformed, such as {@code :::::/0}). */
        List<String> unreadableCidrs() {
            return cidrs.stream().filter(c -> CidrBlock.parse(c).isEmpty()).toList();
        }

        String ports() {
            if (allProtocols()) {
                return "all traffic";
            }
            return protocol + " " + (fromPort == toPort ? String.valueOf(fromPort) : fromPort + "-" + toPort);
        }
    }

    /** A rule and the resource that declares it. */
    record Member(PolicyResource resource, Rule rule) {
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

    /**
     * The ingress rules of the stack grouped by the security group they open: a security group's own rules with
     * the rule resources that name it (by a known {@code securityGroupId}, or by depending on it). A resource whose
     * rules cannot be read yet is reported as undetermined and left out.
     */
    static List<List<Member>> groups(List<PolicyResource> resources, Policy.Sink sink) {
        Map<String, List<Member>> byGroup = new LinkedHashMap<>();
        for (PolicyResource r : resources) {
            if (!TYPES.contains(r.type())) {
                continue;
            }
            List<Rule> rules;
            try {
                rules = of(r, new Props(r.properties()));
            } catch (UnknownValueException e) {
                sink.undetermined(r, e.property());
                continue;
            }
            String group = groupOf(r, resources);
            for (Rule rule : rules) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(new Member(r, rule));
            }
        }
        return List.copyOf(byGroup.values());
    }

    private static String groupOf(PolicyResource r, List<PolicyResource> resources) {
        if (r.type().equals(Types.SECURITY_GROUP)) {
            return r.urn();
        }
        Object id = PropertyValues.unwrap(r.properties().get("securityGroupId"));
        if (id instanceof String s && !s.isBlank()) {
            return resources.stream().filter(g -> g.type().equals(Types.SECURITY_GROUP))
                    .filter(g -> s.equals(PropertyValues.unwrap(g.properties().get("id"))))
                    .map(PolicyResource::urn).findFirst().orElse("id:" + s);
        }
        return resources.stream().filter(g -> g.type().equals(Types.SECURITY_GROUP))
                .map(PolicyResource::urn).filter(r.dependencies()::contains).findFirst().orElse(r.urn());
    }

    /** How a message names the rule of a member, with its resource when the rules span several resources. */
    static String label(Member member, List<Member> together) {
        boolean several = together.stream().map(Member::resource).distinct().count() > 1;
        return several ? member.resource().name() + " " + member.rule().label() : member.rule().label();
    }

    private static Rule rule(String label, Props x, String protocolKey, List<String> cidrs) {
        String protocol = x.string(protocolKey);
        Double from = x.number("fromPort");
        Double to = x.number("toPort");
        int fromPort = from == null || from < 0 ? 0 : (int) Math.min(from, 65535);
        int toPort = to == null || to < 0 ? 65535 : (int) Math.min(to, 65535);
        return new Rule(label, protocol == null ? "-1" : protocol.toLowerCase(Locale.ROOT), fromPort, toPort, cidrs);
    }
}
