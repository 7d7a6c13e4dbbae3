package com.sagemakermlops.config;

import com.sagemakermlops.testing.TestStacks;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Properties of the configuration checks, over generated values rather than chosen examples. */
class ConfigValidationProperties {
    private static final String PREPROD_ACCOUNT = "training.preProdAccountId";
    private static final Map<String, Object> DEV = stackFile("Pulumi.dev.yaml");
    private static final Map<String, Object> PREPROD = stackFile("Pulumi.preprod.yaml");
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "cn-north-1",
            "cn-northwest-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1");
    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b");
    /** The keys of the deploy block. */
    private static final List<String> DEPLOY_KEYS = parser().keysRead(DEV).stream()
            .filter(k -> k.startsWith("deploy.") && k.indexOf('.', 7) < 0)
            .map(k -> k.substring(7)).toList();
    /** Every key name the parser reads somewhere, so generated trees reach deep into the validation. */
    private static final List<String> KEY_NAMES = keyNames();
    private static final List<String> TOP_KEYS = List.of("role", "tier", "sourceControl", "product",
            "codeStarConnection", "training", "deploy", "network", "security", "hosting");

    private static Map<String, Object> stackFile(String name) {
        try {
            return ConfigSources.fromYaml(name, Files.readString(Path.of(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StackConfigParser parser() {
        return new StackConfigParser(TestStacks.ROOT, () -> Optional.of(TestStacks.TOOLING_ACCOUNT));
    }

    private static List<ConfigProblem> problems(Map<String, Object> settings) {
        InvalidConfigException e = catchThrowableOfType(() -> parser().parse(settings), InvalidConfigException.class);
        assertThat(e).as("the configuration is refused").isNotNull();
        return e.problems();
    }

    /** A deep copy of {@code settings} with the value at the dotted {@code path} (under our namespace) replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> settings, String path, Object value) {
        Map<String, Object> copy = (Map<String, Object>) deepCopy(settings);
        String[] keys = path.split("\\.");
        Map<String, Object> node = (Map<String, Object>) copy.get(StackConfigParser.PREFIX + keys[0]);
        for (int i = 1; i < keys.length - 1; i++) {
            node = (Map<String, Object>) node.get(keys[i]);
        }
        node.put(keys[keys.length - 1], value);
        return copy;
    }

    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return new java.util.ArrayList<>(list.stream().map(ConfigValidationProperties::deepCopy).toList());
        }
        return value;
    }

    // --- account ids -----------------------------------------------------------------------------------------

    @Property
    void everyTwelveDigitStringIsAnAccount(@ForAll @NumericChars @StringLength(12) String account) {
        assertThat(Checks.ACCOUNT.expectation(account)).isEmpty();
        Map<String, Object> settings = with(with(with(DEV, PREPROD_ACCOUNT, account),
                "deploy.preProdEnvironment.accountId", account),
                "deploy.preProdEnvironment.bootstrapRoleArn", "arn:aws:iam::" + account + ":role/mlops-bootstrap");
        assertThat(parser().parse(settings).requireTraining().preProdAccountId()).contains(account);
    }

    @Property
    void anythingElseIsRefusedAtItsKeyPath(@ForAll("notAnAccount") String value) {
        assertThat(Checks.ACCOUNT.expectation(value)).contains("12 digits");
        assertThat(problems(with(DEV, PREPROD_ACCOUNT, value))).map(p -> p.path() + ": " + p.message())
                .contains(PREPROD_ACCOUNT + ": expected 12 digits, got \"" + value + "\"");
    }

    @Provide
    Arbitrary<String> notAnAccount() {
        Arbitrary<String> shortOrLong = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(30)
                .filter(s -> s.length() != 12);
        Arbitrary<String> twelveWithAStranger = Combinators.combine(
                Arbitraries.strings().numeric().ofLength(11), Arbitraries.integers().between(0, 11),
                Arbitraries.chars().filter(c -> !Character.isDigit(c) && c != '{'))
                .as((digits, at, c) -> digits.substring(0, at) + c + digits.substring(at));
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(20).filter(s -> !s.matches("\\d{12}"));
        return Arbitraries.oneOf(shortOrLong, twelveWithAStranger, anything).filter(s -> !s.contains("{{"));
    }

    // --- numbers as written ------------------------------------------------------------------------------------

    private static final String RETENTION_STACK = """
            config:
              aws:region: us-west-2
              sagemaker-mlops:role: tooling
              sagemaker-mlops:product: {org: globalbank, environment: prod, clientId: c001, name: fraud-detection}
              sagemaker-mlops:training: {projectName: t, seedCodePath: seed-code/model-build}
              sagemaker-mlops:deploy: {projectName: d, seedCodePath: seed-code/model-deploy}
              sagemaker-mlops:security: {logRetentionDays: %s}
            """;

    private static Optional<Integer> retention(String literal) {
        try {
            return Optional.of(parser().parse(ConfigSources.fromYaml("Pulumi.fuzz.yaml",
                    RETENTION_STACK.formatted(literal))).security().logRetentionDays());
        } catch (InvalidConfigException refused) {
            assertThat(refused.problems()).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("security.logRetentionDays");
                assertThat(p.message()).contains("got " + literal);
            });
            return Optional.empty();
        }
    }

    @Property(tries = 500)
    void everyWholeNumberIsRangeCheckedExactlyAsWritten(@ForAll("anyWholeNumber") java.math.BigInteger value) {
        boolean inRange = value.compareTo(java.math.BigInteger.valueOf(SecurityConfig.MINIMUM_RETENTION_DAYS)) >= 0
                && value.compareTo(java.math.BigInteger.valueOf(3653)) <= 0;
        assertThat(retention(value.toString())).isEqualTo(inRange ? Optional.of(value.intValue()) : Optional.empty());
    }

    @Property(tries = 300)
    void spellingsReadersDisagreeOnAreRefusedEvenInRange(@ForAll @IntRange(min = 90, max = 3653) int days,
                                                         @ForAll("spelling") int kind) {
        String literal = switch (kind) {
            case 0 -> "0" + Integer.toOctalString(days);
            case 1 -> "0x" + Integer.toHexString(days);
            case 2 -> "0o" + Integer.toOctalString(days);
            case 3 -> "0b" + Integer.toBinaryString(days);
            default -> days / 10 + "_" + days % 10;
        };
        assertThat(retention(literal)).isEmpty();
        assertThat(retention(days + ".0")).contains(days);
        assertThat(retention("\"" + days + "\"")).contains(days);
    }

    @Property(tries = 300)
    void anUnquotedIdWithALeadingZeroIsRefusedWithTheLiteralAndAHint(@ForAll @NumericChars @StringLength(min = 1, max = 14)
                                                                       String digits) {
        String literal = "0" + digits;
        String yaml = RETENTION_STACK.formatted("365").replace("{projectName: t,",
                "{projectName: t, preProdAccountId: " + literal + ",");
        InvalidConfigException refused = catchThrowableOfType(() -> parser().parse(
                ConfigSources.fromYaml("Pulumi.fuzz.yaml", yaml)), InvalidConfigException.class);
        assertThat(refused).isNotNull();
        assertThat(refused.problems()).anySatisfy(p -> {
            assertThat(p.path()).isEqualTo(PREPROD_ACCOUNT);
            assertThat(p.message()).isEqualTo("expected a string, got the unquoted number " + literal + " (YAML reads a "
                    + "number with a leading 0 as octal, or as a float when it has an 8 or a 9): quote it, \""
                    + literal + "\"");
        });
        String quoted = yaml.replace("preProdAccountId: " + literal, "preProdAccountId: \"" + literal + "\"");
        if (literal.length() == 12) {
            assertThat(parser().parse(ConfigSources.fromYaml("Pulumi.fuzz.yaml", quoted)).requireTraining()
                    .preProdAccountId()).contains(literal);
        }
    }

    @Provide
    Arbitrary<java.math.BigInteger> anyWholeNumber() {
        Arbitrary<java.math.BigInteger> near = Arbitraries.integers().between(-100, 4000).map(java.math.BigInteger::valueOf);
        Arbitrary<java.math.BigInteger> huge = Arbitraries.bigIntegers()
                .between(new java.math.BigInteger("-1" + "0".repeat(40)), new java.math.BigInteger("1" + "0".repeat(40)));
        Arbitrary<java.math.BigInteger> wrapping = Arbitraries.integers().between(90, 3653).flatMap(days ->
                Arbitraries.of(64, 63, 32).map(bits -> java.math.BigInteger.ONE.shiftLeft(bits).add(
                        java.math.BigInteger.valueOf(days))));
        return Arbitraries.oneOf(near, huge, wrapping);
    }

    @Provide
    Arbitrary<Integer> spelling() {
        return Arbitraries.integers().between(0, 4);
    }

    // --- ingress ---------------------------------------------------------------------------------------------

    @Property
    void sshAndRdpFromTheWholeInternetAreAlwaysRefused(@ForAll("wholeInternet") String cidr,
                                                        @ForAll("adminPort") int port,
                                                        @ForAll @IntRange(max = 65535) int a,
                                                        @ForAll @IntRange(max = 65535) int b) {
        int from = Math.min(port, Math.min(a, b));
        int to = Math.max(port, Math.max(a, b));
        assertThat(StackConfigParser.ingressProblem(cidr + ":" + from + "-" + to)).hasValueSatisfying(m ->
                assertThat(m).contains("from the internet"));
        assertThat(StackConfigParser.ingressProblem(cidr + ":" + port)).isPresent();
    }

    @Property
    void otherPortsFromTheInternetAreAccepted(@ForAll("wholeInternet") String cidr,
                                              @ForAll @IntRange(max = 65535) int a,
                                              @ForAll @IntRange(max = 65535) int b) {
        int from = Math.min(a, b);
        int to = Math.max(a, b);
        boolean admin = (from <= 22 && 22 <= to) || (from <= 3389 && 3389 <= to);
        assertThat(StackConfigParser.ingressProblem(cidr + ":" + from + "-" + to).isPresent()).isEqualTo(admin);
    }

    @Property
    void privateRangesAreAcceptedOnAnyPorts(@ForAll("privateCidr") String cidr,
                                            @ForAll @IntRange(max = 65535) int a,
                                            @ForAll @IntRange(max = 65535) int b) {
        assertThat(StackConfigParser.ingressProblem(cidr)).isEmpty();
        assertThat(StackConfigParser.ingressProblem(cidr + ":" + Math.min(a, b) + "-" + Math.max(a, b))).isEmpty();
        IngressRule https = IngressRule.parse(cidr);
        assertThat(https.fromPort()).isEqualTo(IngressRule.HTTPS);
        assertThat(https.toPort()).isEqualTo(IngressRule.HTTPS);
        assertThat(https.fromWholeInternet()).isFalse();
    }

    @Property
    void refusedEntriesAreReportedAtTheIngressKey(@ForAll("wholeInternet") String cidr, @ForAll("adminPort") int port) {
        String entry = cidr + ":" + port;
        assertThat(problems(with(DEV, "network.allowedIngressCidrs", List.of("10.0.0.0/8", entry))))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("network.allowedIngressCidrs");
                    assertThat(p.message()).contains(entry);
                });
    }

    @Provide
    Arbitrary<String> wholeInternet() {
        return Arbitraries.of("0.0.0.0/0", "::/0", "::0/0", "0000::/0", "0:0:0:0:0:0:0:0/0", "0::0/0");
    }

    @Property
    void hostBitsAreRefusedWithTheNetworkToWrite(@ForAll @IntRange(max = 255) int a, @ForAll @IntRange(max = 255) int b,
                                                 @ForAll @IntRange(max = 255) int d,
                                                 @ForAll @IntRange(min = 1, max = 32) int bits) {
        String written = a + "." + b + ".0." + d + "/" + bits;
        String network = network(a, b, 0, d, bits);
        if (written.equals(network)) {
            assertThat(StackConfigParser.ingressProblem(written)).isEmpty();
        } else {
            assertThat(StackConfigParser.ingressProblem(written)).hasValueSatisfying(m ->
                    assertThat(m).contains("did you mean " + network + "?"));
        }
    }

    @Provide
    Arbitrary<Integer> adminPort() {
        return Arbitraries.of(22, 3389);
    }

    @Provide
    Arbitrary<String> privateCidr() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> ten = Combinators.combine(octet, octet, octet, Arbitraries.integers().between(8, 32))
                .as((b, c, d, bits) -> network(10, b, c, d, bits));
        Arbitrary<String> oneSevenTwo = Combinators.combine(Arbitraries.integers().between(16, 31), octet, octet,
                        Arbitraries.integers().between(12, 32))
                .as((b, c, d, bits) -> network(172, b, c, d, bits));
        Arbitrary<String> oneNineTwo = Combinators.combine(octet, octet, Arbitraries.integers().between(16, 32))
                .as((c, d, bits) -> network(192, 168, c, d, bits));
        Arbitrary<String> uniqueLocal = Arbitraries.integers().between(32, 128)
                .map(bits -> "fd00:ab::/" + bits);
        return Arbitraries.oneOf(ten, oneSevenTwo, oneNineTwo, uniqueLocal);
    }

    /** The network address of a.b.c.d/bits (host bits cleared), as AWS accepts a CIDR. */
    private static String network(int a, int b, int c, int d, int bits) {
        long address = ((long) a << 24) | (b << 16) | (c << 8) | d;
        long masked = bits == 0 ? 0 : address & (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (masked >> 24) + "." + ((masked >> 16) & 255) + "." + ((masked >> 8) & 255) + "." + (masked & 255)
                + "/" + bits;
    }

    // --- partitions ------------------------------------------------------------------------------------------

    @Property
    void arnsAreAcceptedInTheRegionsPartitionOnly(@ForAll("region") String region, @ForAll("partition") String partition,
                                                   @ForAll @NumericChars @StringLength(12) String account) {
        String stackPartition = Checks.partitionOf(region);
        String arn = "arn:" + partition + ":iam::" + account + ":role/mlops-bootstrap";
        Optional<String> expectation = Checks.arn(stackPartition, "iam", "role/").expectation(arn);
        if (partition.equals(stackPartition)) {
            assertThat(expectation).isEmpty();
        } else {
            assertThat(expectation).contains("an ARN in partition " + stackPartition + " (the stack's region), not "
                    + partition);
        }
        assertThat(Checks.arn(stackPartition, "sagemaker", "role/").expectation(arn)).isPresent();
        assertThat(Checks.arn(stackPartition, "iam", "policy/").expectation(arn)).isPresent();
    }

    @Property
    void theHostingPackageArnFollowsTheStackRegionsPartition(@ForAll("region") String region,
                                                              @ForAll("partition") String partition) {
        String arn = "arn:" + partition + ":sagemaker:" + region + ":111122223333:model-package/group/3";
        Map<String, Object> settings = with(PREPROD, "hosting.modelPackageArn", arn);
        settings.put("aws:region", region);
        if (partition.equals(Checks.partitionOf(region))) {
            assertThat(parser().parse(settings).hosting().orElseThrow().modelPackageArn()).contains(arn);
        } else {
            assertThat(problems(settings)).singleElement().satisfies(p -> {
                assertThat(p.path()).isEqualTo("hosting.modelPackageArn");
                assertThat(p.message()).startsWith("expected an ARN in partition " + Checks.partitionOf(region));
            });
        }
    }

    @Provide
    Arbitrary<String> region() {
        return Arbitraries.of(REGIONS);
    }

    @Provide
    Arbitrary<String> partition() {
        return Arbitraries.of(PARTITIONS);
    }

    // --- did you mean ----------------------------------------------------------------------------------------

    @Property
    void aSingleCharacterTypoOfAKnownKeyGetsASuggestion(@ForAll("typo") String[] typoAndKey) {
        String typo = typoAndKey[0];
        String intended = typoAndKey[1];
        Optional<String> suggestion = DidYouMean.closest(typo, DEPLOY_KEYS);
        assertThat(suggestion).as("suggestion for %s", typo).isPresent();
        assertThat(DidYouMean.distance(typo.toLowerCase(), suggestion.get().toLowerCase()))
                .isLessThanOrEqualTo(DidYouMean.distance(typo.toLowerCase(), intended.toLowerCase()))
                .isLessThanOrEqualTo(1);
    }

    @Property
    void theParserNamesTheSuggestionForATypoedKey(@ForAll("typo") String[] typoAndKey) {
        String typo = typoAndKey[0];
        List<ConfigProblem> problems = problems(with(DEV, "deploy." + typo, "x"));
        assertThat(problems).filteredOn(p -> p.path().equals("deploy." + typo)).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("unknown key (did you mean \""));
    }

    @Provide
    Arbitrary<String[]> typo() {
        Arbitrary<String> key = Arbitraries.of(DEPLOY_KEYS);
        Arbitrary<Character> letter = Arbitraries.chars().range('a', 'z');
        return Combinators.combine(key, Arbitraries.integers().between(0, 1000), letter, Arbitraries.of(0, 1, 2))
                .as((k, position, c, kind) -> {
                    int at = position % (k.length() + (kind == 1 ? 1 : 0));
                    String typo = switch (kind) {
                        case 0 -> k.substring(0, at) + c + k.substring(at + 1);
                        case 1 -> k.substring(0, at) + c + k.substring(at);
                        default -> k.substring(0, at) + k.substring(at + 1);
                    };
                    return new String[] {typo, k};
                })
                .filter(pair -> !DEPLOY_KEYS.contains(pair[0]) && !pair[0].isEmpty());
    }

    // --- arbitrary input -------------------------------------------------------------------------------------

    private static List<String> keyNames() {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> settings : List.of(DEV, PREPROD)) {
            parser().keysRead(settings).forEach(path -> names.addAll(List.of(path.replace("[]", "").split("\\."))));
        }
        names.addAll(List.of("policyDocument", "policyArn", "suppressions", "id", "reason", "Statement", "mode",
                "sgParameterStorePath", "connectionArn", "owner", "repo", "branch"));
        return List.copyOf(names);
    }

    @Provide
    Arbitrary<Object> anyValue() {
        Arbitrary<Object> key = Arbitraries.oneOf(Arbitraries.of(KEY_NAMES), Arbitraries.strings().ofMaxLength(5),
                Arbitraries.integers().between(0, 3)).map(k -> (Object) k);
        return Arbitraries.recursive(this::scalar, deeper -> Arbitraries.oneOf(
                deeper.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(key, deeper).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m))), 0, 4);
    }

    private Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of("tooling", "hosting", "enterprise", "codestar", "s3", "sg-provisioner", "canary",
                        "linear", "email", "https", "sms", "lambda", "sqs", "preprod", "prod", "true", "7",
                        "{{account}}", "{{region}}", "{{partition}}", "{{context:vpc}}", "{{nope}}", "",
                        "seed-code/model-build", "seed-code", "Pulumi.dev.yaml", "/ml/x", "0.0.0.0/0:22",
                        "10.0.0.0/16:443-80", "::/0", "222233334444", "us-west-2", "cn-north-1",
                        "arn:aws:iam::222233334444:role/r", "arn:aws-cn:iam::222233334444:policy/p",
                        "vpc-0a1b2c3d", "subnet-0a1b2c3d", "sg-0a1b2c3d", "d-abc", "ml.m5.large", "a@b.co")
                        .map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.integers().between(-2, 200).map(n -> (Object) n),
                Arbitraries.of(0.5, -1.0, 90.0, Double.NaN, Double.POSITIVE_INFINITY, 1e300).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(new java.math.BigInteger("123456789012345678901234567890")).map(b -> (Object) b))
                .injectNull(0.05);
    }

    @Property
    void arbitraryTreesAreParsedOrRefusedNeverThrown(@ForAll("anySettings") Map<String, Object> settings) {
        assertParsedOrRefused(settings);
    }

    @Property
    void aRealStackWithOneValueReplacedIsParsedOrRefused(@ForAll("oneReplacement") Map<String, Object> settings) {
        assertParsedOrRefused(settings);
    }

    @Property
    void anyStackFileTextIsParsedOrRefused(@ForAll("stackFileText") String text) {
        try {
            parser().parse(ConfigSources.fromYaml("Pulumi.fuzz.yaml", text));
        } catch (InvalidConfigException refused) {
            assertThat(refused.problems()).isNotEmpty();
        }
    }

    @Property
    void anyEngineConfigurationIsParsedOrRefused(@ForAll("engineJson") String json) {
        try {
            parser().parse(ConfigSources.fromPulumiEngine(json));
        } catch (InvalidConfigException refused) {
            assertThat(refused.problems()).isNotEmpty();
        }
    }

    private static void assertParsedOrRefused(Map<String, Object> settings) {
        try {
            assertThat(parser().parse(settings)).isNotNull();
        } catch (InvalidConfigException refused) {
            assertThat(refused.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.path()).isNotBlank();
                assertThat(p.message()).isNotBlank();
            });
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> anySettings() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of(TOP_KEYS).map(k -> StackConfigParser.PREFIX + k),
                Arbitraries.of("aws:region", "aws:allowedAccountIds", "other:key"));
        return Arbitraries.maps(key, anyValue()).ofMaxSize(8).map(LinkedHashMap::new);
    }

    @Provide
    Arbitrary<Map<String, Object>> oneReplacement() {
        return Combinators.combine(Arbitraries.of(DEV, PREPROD), Arbitraries.integers().between(0, 10_000), anyValue())
                .as((base, index, value) -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> copy = (Map<String, Object>) deepCopy(base);
                    replaceNth(copy, index % countNodes(copy), value);
                    return copy;
                });
    }

    private static int countNodes(Object tree) {
        int count = 0;
        if (tree instanceof Map<?, ?> map) {
            for (Object v : map.values()) {
                count += 1 + countNodes(v);
            }
        } else if (tree instanceof List<?> list) {
            for (Object v : list) {
                count += 1 + countNodes(v);
            }
        }
        return count;
    }

    /** Replaces the n-th value of the tree (depth first); returns how many values remain to be skipped. */
    @SuppressWarnings("unchecked")
    private static int replaceNth(Object tree, int n, Object value) {
        int remaining = n;
        if (tree instanceof Map<?, ?> map) {
            for (Object key : List.copyOf(map.keySet())) {
                if (remaining == 0) {
                    ((Map<Object, Object>) map).put(key, value);
                    return -1;
                }
                remaining = replaceNth(map.get(key), remaining - 1, value);
                if (remaining < 0) {
                    return -1;
                }
            }
        } else if (tree instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (remaining == 0) {
                    ((List<Object>) list).set(i, value);
                    return -1;
                }
                remaining = replaceNth(list.get(i), remaining - 1, value);
                if (remaining < 0) {
                    return -1;
                }
            }
        }
        return remaining;
    }

    @Provide
    Arbitrary<String> stackFileText() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("config:", "  sagemaker-mlops:role: tooling", "  aws:region: us-west-2",
                        "  sagemaker-mlops:training:", "    projectName: x", "    1: 2", "  - a", "  ? [a]",
                        "  sagemaker-mlops:deploy: [1, {a: b}]", "    seedCodePath: seed-code/model-deploy",
                        "  sagemaker-mlops:security: {logRetentionDays: 1e3}", "&a [*a]", "!!binary x", "%TAG",
                        "  sagemaker-mlops:network: {mode: standalone, subnetIds: \"x\"}", "\t", "{", "]", "- - -",
                        "  dup: 1", "  dup: 2"),
                Arbitraries.strings().ofMaxLength(15));
        return line.list().ofMaxSize(8).map(lines -> String.join("\n", lines));
    }

    @Provide
    Arbitrary<String> engineJson() {
        Arbitrary<String> value = Arbitraries.of("\"tooling\"", "\"{\\\"org\\\": 1}\"", "\"[1, 2.5, null]\"",
                "\"{not json\"", "1", "null", "[]", "{}", "true", "\"us-west-2\"");
        Arbitrary<String> key = Arbitraries.of(TOP_KEYS).map(k -> "\"" + StackConfigParser.PREFIX + k + "\"");
        Arbitrary<String> object = Combinators.combine(key, value).as((k, v) -> k + ": " + v).list().ofMaxSize(4)
                .map(entries -> "{" + String.join(", ", entries) + "}");
        return Arbitraries.oneOf(object, Arbitraries.of("null", "[]", "1", "\"x\"", "{", "{\"a\": }", " "),
                Arbitraries.strings().ofMaxLength(10));
    }
}
