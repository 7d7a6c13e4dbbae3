package com.sagemakermlops.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code network.allowedIngressCidrs} entry: {@code CIDR} (HTTPS, port 443) or {@code CIDR:PORT[-PORT]}.
 * SSH (22) and RDP (3389) from the whole internet are refused.
 */
public record IngressRule(String cidr, int fromPort, int toPort) {
    public static final int HTTPS = 443;
    private static final Pattern ENTRY = Pattern.compile("(.*/\\d{1,3})(?::(\\d{1,5})(?:-(\\d{1,5}))?)?");

    /** The rule an entry describes; {@link IllegalArgumentException} with the expectation when it is refused. */
    public static IngressRule parse(String entry) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches() || Checks.CIDR.expectation(m.group(1)).isPresent()) {
            throw new IllegalArgumentException("expected CIDR or CIDR:PORT[-PORT] such as 10.0.0.0/16 or "
                    + "10.0.0.0/16:443, got \"" + entry + "\"");
        }
        int from = m.group(2) == null ? HTTPS : Integer.parseInt(m.group(2));
        int to = m.group(3) == null ? from : Integer.parseInt(m.group(3));
        if (from > to || to > 65535) {
            throw new IllegalArgumentException("expected a port range within 0-65535, got \"" + entry + "\"");
        }
        IngressRule rule = new IngressRule(m.group(1), from, to);
        for (int port : new int[] {22, 3389}) {
            if (rule.fromWholeInternet() && rule.covers(port)) {
                throw new IllegalArgumentException("expected no " + (port == 22 ? "SSH (22)" : "RDP (3389)")
                        + " from the internet, got \"" + entry + "\"");
            }
        }
        return rule;
    }

    public boolean fromWholeInternet() {
        return cidr.equals("0.0.0.0/0") || cidr.equals("::/0");
    }

    public boolean ipv6() {
        return cidr.contains(":");
    }

    /** Port 443 alone. */
    public boolean onlyHttps() {
        return fromPort == HTTPS && toPort == HTTPS;
    }

    public boolean covers(int port) {
        return fromPort <= port && port <= toPort;
    }
}
