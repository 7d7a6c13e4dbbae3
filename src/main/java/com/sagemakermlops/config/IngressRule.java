package com.sagemakermlops.config;

import com.sagemakermlops.policy.net.CidrBlock;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code network.allowedIngressCidrs} entry: {@code CIDR} (HTTPS, port 443) or {@code CIDR:PORT[-PORT]}. The CIDR
 * is read by {@link CidrBlock} (the policy pack reads security groups the same way) and must be a network address, as
 * the provider requires (terraform-provider-aws, internal/verify/validate.go, ValidIPv4CIDRNetworkAddress and
 * ValidIPv6CIDRNetworkAddress on aws_security_group ingress cidr_blocks / ipv6_cidr_blocks). SSH (22) and RDP (3389)
 * from the whole internet are refused in any spelling.
 *
 * @param cidr the block as AWS writes it ({@code ::/0} for {@code 0000::/0})
 */
public record IngressRule(String cidr, int fromPort, int toPort, CidrBlock block) {
    public static final int HTTPS = 443;
    private static final Map<Integer, String> ADMIN_PORTS = new java.util.TreeMap<>(Map.of(22, "SSH (22)", 3389,
            "RDP (3389)"));
    private static final Pattern ENTRY = Pattern.compile("([^:/]*(?::[^:/]*)*/[0-9]{1,3})(?::([0-9]{1,5})(?:-([0-9]{1,5}))?)?");

    /** The rule an entry describes; {@link IllegalArgumentException} with the expectation when it is refused. */
    public static IngressRule parse(String entry) {
        Matcher m = ENTRY.matcher(entry);
        Optional<CidrBlock> block = m.matches() ? CidrBlock.parse(m.group(1)) : Optional.empty();
        if (block.isEmpty()) {
            throw new IllegalArgumentException("expected CIDR or CIDR:PORT[-PORT] such as 10.0.0.0/16 or "
                    + "10.0.0.0/16:443, got \"" + entry + "\"");
        }
        if (!block.get().isNetworkAddress()) {
            throw new IllegalArgumentException("expected a network address (no host bits, as AWS requires): did you "
                    + "mean " + block.get().canonical() + "? got \"" + entry + "\"");
        }
        int from = m.group(2) == null ? HTTPS : Integer.parseInt(m.group(2));
        int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
        if (from > to || to > 65535) {
            throw new IllegalArgumentException("expected a port range within 0-65535, got \"" + entry + "\"");
        }
        IngressRule rule = new IngressRule(block.get().canonical(), from, to, block.get());
        for (var admin : ADMIN_PORTS.entrySet()) {
            if (rule.fromWholeInternet() && rule.covers(admin.getKey())) {
                throw new IllegalArgumentException("expected no " + admin.getValue() + " from the internet, got \""
                        + entry + "\"");
            }
        }
        return rule;
    }

    public boolean fromWholeInternet() {
        return block.everywhere();
    }

    public boolean ipv6() {
        return block.ipv6();
    }

    /** Port 443 alone. */
    public boolean onlyHttps() {
        return fromPort == HTTPS && toPort == HTTPS;
    }

    public boolean covers(int port) {
        return fromPort <= port && port <= toPort;
    }
}
