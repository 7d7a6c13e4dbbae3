package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.EnforcementLevel;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.PolicySettings;
import com.sagemakermlops.policy.Severity;
import com.sagemakermlops.policy.StackPolicy;
import com.sagemakermlops.policy.net.CidrBlock;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * No other ingress from the whole internet either: one rule from {@code 0.0.0.0/0} or {@code ::/0} in any spelling,
 * or several rules of one security group that together admit a protocol and port from every address.
 */
public final class SgNoPublicIngress extends StackPolicy {
    static final String ALLOWED = "allowedPublicPorts";

    public SgNoPublicIngress() {
        super("sg-no-public-ingress",
                "Security groups do not admit traffic from 0.0.0.0/0 or ::/0, nor from blocks that together cover "
                        + "every address (SSH/RDP are covered by sg-no-public-admin-ports).",
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
    public void check(List<PolicyResource> resources, PolicySettings s, Sink sink) {
        List<String> allowed = s.strings(ALLOWED);
        for (List<Ingress.Member> group : Ingress.groups(resources, sink)) {
            for (Ingress.Member member : group) {
                alone(member, allowed, sink);
            }
            together(group, allowed, sink);
        }
    }

    private static boolean admin(int from, int to) {
        return SgNoPublicAdminPorts.ADMIN_PORTS.stream().anyMatch(p -> from <= p && p <= to);
    }

    private static void alone(Ingress.Member member, List<String> allowed, Sink sink) {
        Ingress.Rule rule = member.rule();
        List<String> open = rule.publicCidrs();
        if (open.isEmpty() || SgNoPublicAdminPorts.ADMIN_PORTS.stream().anyMatch(rule::covers)) {
            return;
        }
        boolean deliberate = !rule.allProtocols() && rule.fromPort() == rule.toPort()
                && allowed.contains(String.valueOf(rule.fromPort()));
        if (!deliberate) {
            sink.violation(member.resource(), rule.label() + " admits " + rule.ports() + " from "
                    + String.join(", ", open));
        }
    }

    /**
     * For each protocol, the port ranges in which the rules that are each narrower than the internet cover it
     * together. TCP and UDP are split at every rule's first and last port, so each piece has one set of rules.
     */
    private static void together(List<Ingress.Member> group, List<String> allowed, Sink sink) {
        List<Ingress.Member> narrower = group.stream().filter(m -> m.rule().publicCidrs().isEmpty()).toList();
        Set<String> families = new LinkedHashSet<>(List.of("tcp", "udp"));
        narrower.stream().map(m -> m.rule().family()).filter(f -> !f.equals("-1") && !f.equals("all"))
                .forEach(families::add);
        Set<String> reported = new LinkedHashSet<>();
        for (String family : families) {
            boolean ported = family.equals("tcp") || family.equals("udp");
            List<Ingress.Member> ofFamily = narrower.stream()
                    .filter(m -> m.rule().allProtocols() || m.rule().family().equals(family)).toList();
            TreeSet<Integer> cuts = new TreeSet<>(List.of(0, 65536));
            if (ported) {
                ofFamily.forEach(m -> {
                    cuts.add(m.rule().fromPort());
                    cuts.add(m.rule().toPort() + 1);
                });
            }
            Integer from = cuts.first();
            for (Integer next = cuts.higher(from); next != null; from = next, next = cuts.higher(next)) {
                int first = from;
                int last = next - 1;
                List<Ingress.Member> covering = ofFamily.stream().filter(m -> m.rule().allProtocols() || !ported
                        || (m.rule().fromPort() <= first && last <= m.rule().toPort())).toList();
                List<CidrBlock> blocks = covering.stream().flatMap(m -> m.rule().blocks().stream()).toList();
                List<String> everywhere = CidrBlock.everywhereTogether(blocks);
                boolean deliberate = first == last && allowed.contains(String.valueOf(first))
                        && covering.stream().noneMatch(m -> m.rule().allProtocols());
                if (everywhere.isEmpty() || deliberate || (ported && admin(first, last))) {
                    continue;
                }
                String what = ported ? family + " " + (first == last ? first : first + "-" + last) : family;
                String message = String.join(", ", covering.stream().map(m -> Ingress.label(m, covering)).toList())
                        + " together admit " + what + " from every " + String.join(" and ", everywhere)
                        + " address (" + String.join(", ", blocks.stream().map(CidrBlock::written).toList()) + ")";
                for (PolicyResource r : covering.stream().map(Ingress.Member::resource).distinct().toList()) {
                    if (reported.add(r.urn() + "\n" + message)) {
                        sink.violation(r, message);
                    }
                }
            }
        }
    }
}
