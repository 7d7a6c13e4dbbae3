package com.sagemakermlops.engine;

import com.pulumi.test.Mocks;
import com.sagemakermlops.naming.Fingerprint;
import com.sagemakermlops.policy.PropertyValues;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the engine like AWS would: ids, ARNs and names shaped like the real ones, in the account and region of
 * the provider a resource goes through; invokes for identity, partition, region and SSM lookups; and the outputs of
 * referenced stacks.
 */
public final class FakeCloud implements Mocks {
    /** Marks a referenced stack's output that was not planned here. */
    public static final String PLACEHOLDER_PREFIX = "placeholder-";

    private final Account home;
    private final Map<String, Map<String, Object>> stackOutputs;
    private final Map<String, Account> providers = new ConcurrentHashMap<>();

    /** Where a provider deploys. */
    public record Account(String accountId, String region) {
        public String partition() {
            if (region.startsWith("cn-")) {
                return "aws-cn";
            }
            return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
        }
    }

    /**
     * @param home         the account and region of the default provider
     * @param stackOutputs outputs of other stacks by stack name (full {@code org/project/stack} or short), a secret
     *                     output's value wrapped in {@link PropertyValues.Secret}
     */
    public FakeCloud(Account home, Map<String, Map<String, Object>> stackOutputs) {
        this.home = home;
        this.stackOutputs = Map.copyOf(stackOutputs);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> inputs = args.inputs == null ? Map.of() : args.inputs;
        if (args.type.equals(RecordedResource.STACK_REFERENCE_TYPE)) {
            return done(Optional.of(args.name), stackReference(String.valueOf(inputs.getOrDefault("name", args.name))));
        }
        if (args.type.startsWith("pulumi:providers:")) {
            providers.put(args.name, accountOf(inputs));
            return done(Optional.of(uuid(args.name)), inputs);
        }
        if (!args.type.startsWith("aws:")) {
            return done(Optional.empty(), inputs);
        }
        Account account = args.provider == null || args.provider.isEmpty() ? home
                : providers.getOrDefault(providerName(args.provider), home);
        Map<String, Object> state = new LinkedHashMap<>(inputs);
        String id = AwsShapes.fill(args.type, args.name, state, account);
        return done(Optional.of(id), state);
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> in = args.args == null ? Map.of() : args.args;
        Account account = home;
        Map<String, Object> result = switch (args.token) {
            case "aws:index/getCallerIdentity:getCallerIdentity" -> Map.of(
                    "accountId", account.accountId(), "id", account.accountId(), "userId", "AROAEXAMPLEID:plan",
                    "arn", "arn:" + account.partition() + ":sts::" + account.accountId() + ":assumed-role/plan/plan");
            case "aws:index/getPartition:getPartition" -> Map.of(
                    "partition", account.partition(), "id", account.partition(),
                    "dnsSuffix", account.partition().equals("aws-cn") ? "amazonaws.com.cn" : "amazonaws.com",
                    "reverseDnsPrefix", "com.amazonaws");
            case "aws:index/getRegion:getRegion" -> Map.of(
                    "name", account.region(), "region", account.region(), "id", account.region(),
                    "endpoint", "ec2." + account.region() + ".amazonaws.com", "description", account.region());
            case "aws:ssm/getParameter:getParameter" -> parameter(String.valueOf(in.get("name")), account);
            default -> Map.of();
        };
        return CompletableFuture.completedFuture(result);
    }

    private Map<String, Object> parameter(String name, Account account) {
        String lower = name.toLowerCase(Locale.ROOT);
        String value = lower.contains("sg") || lower.contains("security")
                ? "sg-" + hex(name, 17)
                : lower.contains("subnet") ? "subnet-" + hex(name, 17) : "vpc-" + hex(name, 17);
        return Map.of("name", name, "value", value, "insecureValue", value, "type", "String", "version", 1,
                "id", name, "arn", "arn:" + account.partition() + ":ssm:" + account.region() + ":"
                        + account.accountId() + ":parameter" + name);
    }

    private Map<String, Object> stackReference(String name) {
        Map<String, Object> outputs = stackOutputs.get(name);
        if (outputs == null) {
            outputs = stackOutputs.get(name.substring(name.lastIndexOf('/') + 1));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> secret = new ArrayList<>();
        (outputs == null ? Map.<String, Object>of() : outputs).forEach((output, value) -> {
            if (value instanceof PropertyValues.Secret) {
                secret.add(output);
            }
            values.put(output, PropertyValues.unwrap(value));
        });
        return Map.of("name", name, "outputs", values, "secretOutputNames", secret.stream().sorted().toList());
    }

    private Account accountOf(Map<String, Object> providerInputs) {
        String region = String.valueOf(providerInputs.getOrDefault("region", home.region()));
        return new Account(RecordedResource.allowedAccount(providerInputs).orElse(home.accountId()), region);
    }

    /** {@code urn:pulumi:stack::project::type::name::id} names the provider {@code name}. */
    private static String providerName(String reference) {
        String[] parts = reference.split("::");
        return parts.length >= 4 ? parts[3] : reference;
    }

    private static CompletableFuture<ResourceResult> done(Optional<String> id, Object state) {
        return CompletableFuture.completedFuture(ResourceResult.of(id, state));
    }

    static String uuid(String seed) {
        String h = hex(seed, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }

    /** A stable hexadecimal string of {@code length} derived from {@code seed}, so plans are repeatable. */
    static String hex(String seed, int length) {
        return Fingerprint.hex(seed, length);
    }
}
