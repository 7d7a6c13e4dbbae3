package com.sagemakermlops.policy.net;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** CIDR blocks in every spelling, and unions of blocks that cover the whole address space or just miss it. */
public class CidrBlockProperties {

    /**
     * Random prefix blocks that partition the whole space of the family: the space is halved at random, each half
     * kept whole or halved again, up to {@code depth} times.
     */
    public static List<String> partition(boolean ipv6, long seed, int depth) {
        List<String> out = new ArrayList<>();
        split(ipv6, BigInteger.ZERO, 0, depth, new Random(seed), out);
        return out;
    }

    private static void split(boolean ipv6, BigInteger start, int prefix, int depth, Random random, List<String> out) {
        int bits = ipv6 ? 128 : 32;
        if (prefix > 0 && (depth == 0 || random.nextInt(3) == 0)) {
            out.add(text(ipv6, start) + "/" + prefix);
            return;
        }
        split(ipv6, start, prefix + 1, depth - 1, random, out);
        split(ipv6, start.setBit(bits - prefix - 1), prefix + 1, depth - 1, random, out);
    }

    private static String text(boolean ipv6, BigInteger value) {
        if (!ipv6) {
            long v = value.longValue();
            return (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
        }
        StringBuilder b = new StringBuilder();
        for (int group = 7; group >= 0; group--) {
            b.append(Integer.toHexString(value.shiftRight(group * 16).intValue() & 0xffff)).append(group == 0 ? "" : ":");
        }
        return b.toString();
    }

    private static List<CidrBlock> blocks(List<String> texts) {
        return texts.stream().map(t -> CidrBlock.parse(t).orElseThrow(() -> new AssertionError(t))).toList();
    }

    @Property(tries = 300)
    void blocksThatPartitionTheSpaceAreEverywhereTogether(@ForAll boolean ipv6, @ForAll long seed,
                                                          @ForAll @IntRange(min = 1, max = 8) int depth) {
        List<String> parts = partition(ipv6, seed, depth);
        assertThat(CidrBlock.everywhereTogether(blocks(parts))).containsExactly(ipv6 ? "IPv6" : "IPv4");
        assertThat(parts).noneMatch(p -> CidrBlock.parse(p).orElseThrow().everywhere());
    }

    @Property(tries = 300)
    void withoutAnyOneBlockTheyAreNot(@ForAll boolean ipv6, @ForAll long seed,
                                      @ForAll @IntRange(min = 1, max = 8) int depth, @ForAll int drop) {
        List<String> parts = new ArrayList<>(partition(ipv6, seed, depth));
        parts.remove(Math.floorMod(drop, parts.size()));
        assertThat(CidrBlock.everywhereTogether(blocks(parts))).isEmpty();
    }

    @Property(tries = 300)
    void everySpellingOfTheWholeIpv6SpaceIsOne(@ForAll("zeroSpelling") String address) {
        CidrBlock block = CidrBlock.parse(address + "/0").orElseThrow(() -> new AssertionError(address));
        assertThat(block.everywhere()).isTrue();
        assertThat(block.canonical()).isEqualTo("::/0");
    }

    @Property(tries = 500)
    void hostBitsAreSeenAndTheNetworkIsTheirBlock(@ForAll("octets") int[] octets,
                                                  @ForAll @IntRange(max = 32) int prefix) {
        String address = octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
        CidrBlock block = CidrBlock.parse(address + "/" + prefix).orElseThrow();
        long value = ((long) octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3];
        long host = prefix == 32 ? 0 : value & ((1L << (32 - prefix)) - 1);
        assertThat(block.isNetworkAddress()).isEqualTo(host == 0);
        assertThat(block.everywhere()).isEqualTo(prefix == 0);
        CidrBlock network = CidrBlock.parse(block.canonical()).orElseThrow();
        assertThat(network.isNetworkAddress()).isTrue();
        assertThat(network.canonical()).isEqualTo(block.canonical());
    }

    @Property(tries = 1000)
    void anythingParsedRoundTripsThroughItsCanonicalForm(@ForAll("noise") String text) {
        CidrBlock.parse(text).ifPresent(block ->
                assertThat(CidrBlock.parse(block.canonical()).orElseThrow().canonical()).isEqualTo(block.canonical()));
    }

    @Test
    void malformedAndLooseSpellingsAreNoBlocks() {
        for (String text : List.of(":::::/0", "0.0.0.0", "0.0.0.0/33", "::/129", "010.0.0.0/8", "10.0.0.0/08",
                "1.2.3/24", "0x0a.0.0.0/8", "10.0.0.0/255.0.0.0", "fe80::1%eth0/64", "::ffff:1.2.3.4/128",
                " 0.0.0.0/0", "0.0.0.0/0 ", "*/0", "1.2.3.4-5/32", "00000::/0", "0:0:0:0:0:0:0:0:0/0", "")) {
            assertThat(CidrBlock.parse(text)).as(text).isEmpty();
        }
        assertThat(CidrBlock.parse("1.2.3.4/0").orElseThrow().everywhere()).isTrue();
        assertThat(CidrBlock.parse("1.2.3.4/0").orElseThrow().isNetworkAddress()).isFalse();
    }

    @Provide
    Arbitrary<String> zeroSpelling() {
        Arbitrary<String> group = Arbitraries.of("0", "00", "000", "0000");
        Arbitrary<String> full = group.list().ofSize(8).map(g -> String.join(":", g));
        Arbitrary<String> compressed = Combinators.combine(group.list().ofMaxSize(3), group.list().ofMaxSize(3))
                .as((left, right) -> String.join(":", left) + "::" + String.join(":", right));
        return Arbitraries.oneOf(full, compressed);
    }

    @Provide
    Arbitrary<int[]> octets() {
        return Arbitraries.integers().between(0, 255).array(int[].class).ofSize(4);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEF:./%-x ").ofMaxLength(30);
    }
}
