package com.sagemakermlops.policy.net;

import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 CIDR block, read strictly with the IPAddress library (no inet_aton forms, octal or hex octets,
 * masks, ranges, zones or embedded IPv4), so every spelling of one block is the same block: {@code ::/0},
 * {@code ::0/0}, {@code 0000::/0} and {@code 0:0:0:0:0:0:0:0/0} are all the whole IPv6 space, and {@code :::::/0} is
 * no block at all. The configuration checks and the policy pack both read CIDRs here.
 *
 * @param written the text as given
 * @param address the parsed address with its prefix length
 */
public record CidrBlock(String written, IPAddress address) {
    /** Address characters, one slash, and a prefix length without leading zeros (the library reads "/08" too). */
    private static final Pattern SHAPE = Pattern.compile("[0-9A-Fa-f.:]{2,45}/(0|[1-9][0-9]{0,2})");
    private static final IPAddressStringParameters STRICT = new IPAddressStringParameters.Builder()
            .allowEmpty(false).allowAll(false).allowSingleSegment(false).allowMask(false).allowPrefixOnly(false)
            .allowPrefix(true).allowWildcardedSeparator(false).allow_inet_aton(false)
            .setRangeOptions(RangeParameters.NO_RANGE)
            .getIPv4AddressParametersBuilder().allowLeadingZeros(false).allowUnlimitedLeadingZeros(false)
            .allowPrefixesBeyondAddressSize(false).allowBinary(false)
            .allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE).getParentBuilder()
            .getIPv6AddressParametersBuilder().allowMixed(false).allowZone(false).allowEmptyZone(false)
            .allowBase85(false).allowBinary(false).allowUnlimitedLeadingZeros(false)
            .allowPrefixesBeyondAddressSize(false)
            .allowWildcardedSeparator(false).setRangeOptions(RangeParameters.NO_RANGE).getParentBuilder()
            .toParams();

    /** The block {@code text} writes as {@code ADDRESS/PREFIX}; empty when it is not one. */
    public static Optional<CidrBlock> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return Optional.empty();
        }
        IPAddress address = new IPAddressString(text, STRICT).getAddress();
        if (address == null || !address.isPrefixed()) {
            return Optional.empty();
        }
        return Optional.of(new CidrBlock(text, address));
    }

    public boolean ipv6() {
        return address.isIPv6();
    }

    /** The network this block covers: the address with its host bits cleared. */
    public IPAddress network() {
        return address.toPrefixBlock();
    }

    /** True when the written address has no host bits set (AWS and its provider accept only these). */
    public boolean isNetworkAddress() {
        return address.getLower().equals(network().getLower());
    }

    /** The block as AWS writes it back: network address, lower case, zeros compressed ({@code 10.0.0.0/16}, {@code ::/0}). */
    public String canonical() {
        return network().toCanonicalString();
    }

    /** True when this block alone is every address of its family ({@code 0.0.0.0/0} or {@code ::/0} in any spelling). */
    public boolean everywhere() {
        return address.getNetworkPrefixLength() == 0;
    }

    /**
     * The address families whose whole space the blocks cover together ("IPv4", "IPv6"): {@code 0.0.0.0/1} and
     * {@code 128.0.0.0/1} are everywhere as much as {@code 0.0.0.0/0} is.
     */
    public static List<String> everywhereTogether(Collection<CidrBlock> blocks) {
        List<String> families = new ArrayList<>();
        for (boolean six : new boolean[] {false, true}) {
            IPAddress[] networks = blocks.stream().filter(b -> b.ipv6() == six).map(CidrBlock::network)
                    .toArray(IPAddress[]::new);
            if (networks.length == 0) {
                continue;
            }
            IPAddress[] merged = networks[0].mergeToPrefixBlocks(networks);
            if (merged.length == 1 && merged[0].getNetworkPrefixLength() == 0) {
                families.add(six ? "IPv6" : "IPv4");
            }
        }
        return families;
    }

    @Override
    public String toString() {
        return written;
    }
}
