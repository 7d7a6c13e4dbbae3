package com.sagemakermlops.policy.rules;

import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyResource;
import com.sagemakermlops.policy.net.CidrBlockProperties;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.sagemakermlops.policy.Fixtures.findings;
import static com.sagemakermlops.policy.Fixtures.l;
import static com.sagemakermlops.policy.Fixtures.m;
import static com.sagemakermlops.policy.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A security group admits the union of its rules: "anywhere" is caught in every spelling, and when it is only
 * reached by several narrower rules, in one resource or in rule resources of the same group.
 */
class IngressUnionProperties {
    private static final String ADMIN = "sg-no-public-admin-ports";
    private static final String PUBLIC = "sg-no-public-ingress";

    private static Object rule(int port, String cidr) {
        String key = cidr.contains(":") ? "ipv6CidrBlocks" : "cidrBlocks";
        return m("protocol", "tcp", "fromPort", (double) port, "toPort", (double) port, key, l(cidr));
    }

    private static PolicyResource group(List<Object> rules) {
        return res(Types.SECURITY_GROUP, "sg", m("description", "sg", "ingress", rules));
    }

    private static List<String> messages(String policy, PolicyResource... resources) {
        return findings(policy, resources).stream().map(PolicyFinding::message).toList();
    }

    @Property(tries = 200)
    void rulesThatPartitionTheSpaceOpenSshTogether(@ForAll boolean ipv6, @ForAll long seed,
                                                   @ForAll @IntRange(min = 1, max = 6) int depth) {
        List<Object> rules = new ArrayList<>();
        CidrBlockProperties.partition(ipv6, seed, depth).forEach(cidr -> rules.add(rule(22, cidr)));
        assertThat(messages(ADMIN, group(rules))).singleElement().asString()
                .contains("together admit port 22 from every " + (ipv6 ? "IPv6" : "IPv4") + " address");
    }

    @Property(tries = 200)
    void withoutAnyOneOfThemSshStaysClosed(@ForAll boolean ipv6, @ForAll long seed,
                                           @ForAll @IntRange(min = 1, max = 6) int depth, @ForAll int drop) {
        List<Object> rules = new ArrayList<>();
        CidrBlockProperties.partition(ipv6, seed, depth).forEach(cidr -> rules.add(rule(22, cidr)));
        rules.remove(Math.floorMod(drop, rules.size()));
        assertThat(messages(ADMIN, group(rules))).isEmpty();
    }

    @Property(tries = 100)
    void onAnotherPortTheyAreReportedAsPublicIngress(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int depth,
                                                     @ForAll @IntRange(min = 23, max = 3388) int port) {
        List<Object> rules = new ArrayList<>();
        CidrBlockProperties.partition(false, seed, depth).forEach(cidr -> rules.add(rule(port, cidr)));
        assertThat(messages(PUBLIC, group(rules))).singleElement().asString()
                .contains("together admit tcp " + port + " from every IPv4 address");
        assertThat(messages(ADMIN, group(rules))).isEmpty();
    }

    @Test
    void everySpellingOfAnywhereIsAnywhere() {
        for (String cidr : List.of("0:0:0:0:0:0:0:0/0", "::0/0", "0000::/0", "1.2.3.4/0", "::/0", "0.0.0.0/0")) {
            assertThat(messages(ADMIN, group(l(rule(22, cidr))))).as(cidr)
                    .containsExactly("ingress[0] admits port 22 (tcp 22) from " + cidr);
        }
        assertThat(messages(ADMIN, group(l(rule(22, ":::::/0"))))).containsExactly(
                "ingress[0] admits port 22 from \":::::/0\", which is not a CIDR block: its source cannot be judged");
    }

    @Test
    void ruleResourcesOfOneGroupAreJudgedTogether() {
        PolicyResource sg = res(Types.SECURITY_GROUP, "sg", m("description", "sg", "id", "sg-0123456789abcdef0"));
        PolicyResource low = res(Types.SG_INGRESS_RULE, "low", m("securityGroupId", "sg-0123456789abcdef0",
                "ipProtocol", "tcp", "fromPort", 3389.0, "toPort", 3389.0, "cidrIpv4", "0.0.0.0/1"));
        PolicyResource high = new PolicyResource("urn:pulumi:stack::project::high", Types.SG_RULE, "high",
                m("type", "ingress", "securityGroupId", com.sagemakermlops.policy.PropertyValues.UNKNOWN,
                        "protocol", "tcp", "fromPort", 3000.0, "toPort", 4000.0, "cidrBlocks", l("128.0.0.0/1")),
                null, null, List.of(sg.urn()));
        List<PolicyFinding> found = findings(ADMIN, sg, low, high);
        assertThat(found).extracting(PolicyFinding::name).containsExactly("low", "high");
        assertThat(found).extracting(PolicyFinding::message).containsOnly("low rule, high rule together admit port "
                + "3389 from every IPv4 address (0.0.0.0/1, 128.0.0.0/1)");

        PolicyResource elsewhere = res(Types.SG_INGRESS_RULE, "elsewhere", m("securityGroupId", "sg-0fedcba987654321f",
                "ipProtocol", "tcp", "fromPort", 3389.0, "toPort", 3389.0, "cidrIpv4", "128.0.0.0/1"));
        assertThat(findings(ADMIN, sg, low, elsewhere)).isEmpty();
    }

    @Test
    void aDeliberatePublicPortMayBeOpenTogetherToo() {
        PolicyResource halves = group(l(rule(443, "0.0.0.0/1"), rule(443, "128.0.0.0/1")));
        assertThat(messages(PUBLIC, halves)).hasSize(1);
        assertThat(com.sagemakermlops.policy.PolicyPack.standard().evaluate(List.of(halves),
                com.sagemakermlops.policy.PolicyPackConfig.parse("{\"" + PUBLIC + "\": {\"allowedPublicPorts\": [\"443\"]}}"))
                .stream().filter(f -> f.policy().equals(PUBLIC))).isEmpty();
    }
}
