package com.sagemakermlops.components.iam;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IAM policy statement whose resources and principals may be outputs of other resources. Build with
 * {@link #allow(String...)} / {@link #deny(String...)}; every list keeps the order given so documents are stable.
 */
public final class Statement {
    private final String sid;
    private final String effect;
    private final List<String> actions;
    private final List<Output<String>> resources = new ArrayList<>();
    private final Map<String, List<Output<String>>> principals = new LinkedHashMap<>();
    private final Map<String, Map<String, List<Output<String>>>> conditions = new LinkedHashMap<>();

    private Statement(String sid, String effect, List<String> actions) {
        this.sid = sid;
        this.effect = effect;
        this.actions = List.copyOf(actions);
    }

    public static Statement allow(String sid, String... actions) {
        return new Statement(sid, "Allow", List.of(actions));
    }

    public static Statement deny(String sid, String... actions) {
        return new Statement(sid, "Deny", List.of(actions));
    }

    public Statement on(String... arns) {
        for (String arn : arns) {
            resources.add(Output.of(arn));
        }
        return this;
    }

    @SafeVarargs
    public final Statement on(Output<String>... arns) {
        resources.addAll(List.of(arns));
        return this;
    }

    public Statement on(List<Output<String>> arns) {
        resources.addAll(arns);
        return this;
    }

    /**
     * {@code Resource: "*"} for actions that accept no narrower resource; the reason is kept with the statement so a
     * reader (and the policy pack's allow-list) can check it.
     */
    public Statement onAnyResourceBecause(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a wildcard resource needs a reason");
        }
        resources.add(Output.of("*"));
        return this;
    }

    /** What a key policy lets the account do with a customer-managed key without using it. */
    public static final List<String> KEY_ADMINISTRATION = List.of(
            "kms:DescribeKey", "kms:GetKeyPolicy", "kms:PutKeyPolicy", "kms:ListKeyPolicies",
            "kms:GetKeyRotationStatus", "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:RotateKeyOnDemand",
            "kms:ListKeyRotations", "kms:ListResourceTags", "kms:TagResource", "kms:UntagResource", "kms:EnableKey",
            "kms:DisableKey", "kms:UpdateKeyDescription", "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias",
            "kms:ListAliases", "kms:ListGrants", "kms:RevokeGrant", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion");

    /** The key-policy statement by which {@code accountRoot}'s account administers (but does not use) the key. */
    public static Statement administerKey(String sid, Output<String> accountRoot) {
        return new Statement(sid, "Allow", KEY_ADMINISTRATION).principal("AWS", accountRoot).onThisKey();
    }

    /**
     * The key-policy statement by which CloudWatch Logs ({@code logsService}, its regional principal) encrypts and
     * decrypts one log group's events: only the cryptographic operations, which carry the log group's ARN as
     * encryption context (kms:DescribeKey carries none, so no condition on it could hold)
     * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html).
     */
    public static Statement logsEncryption(String sid, String logsService, Output<String> logGroupArn) {
        return new Statement(sid, "Allow", List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom",
                "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext"))
                .principal("Service", logsService).onThisKey()
                .when("ArnEquals", "kms:EncryptionContext:aws:logs:arn", logGroupArn);
    }

    /** {@code Resource: "*"} in a key policy, where it means the key the policy is attached to. */
    public Statement onThisKey() {
        return onAnyResourceBecause("in a key policy the resource * is the key itself");
    }

    public Statement principal(String type, Output<String> value) {
        principals.computeIfAbsent(type, k -> new ArrayList<>()).add(value);
        return this;
    }

    public Statement principal(String type, String value) {
        return principal(type, Output.of(value));
    }

    public Statement principals(String type, List<String> values) {
        values.forEach(value -> principal(type, value));
        return this;
    }

    public Statement when(String operator, String key, Output<String> value) {
        conditions.computeIfAbsent(operator, k -> new LinkedHashMap<>())
                .computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        return this;
    }

    public Statement when(String operator, String key, String... values) {
        for (String value : values) {
            when(operator, key, Output.of(value));
        }
        return this;
    }

    /** The statement as JSON-ready maps once every output is known. */
    Output<Map<String, Object>> resolve() {
        Output<List<String>> resourceList = Output.all(resources);
        Output<Map<String, Object>> principalMap = resolveMap(principals);
        Output<Map<String, Object>> conditionMap = Output.all(conditions.entrySet().stream()
                        .map(e -> resolveMap(e.getValue()).applyValue(m -> Map.entry(e.getKey(), (Object) m)))
                        .toList())
                .applyValue(entries -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    entries.forEach(entry -> out.put(entry.getKey(), entry.getValue()));
                    return out;
                });
        return Output.tuple(resourceList, principalMap, conditionMap).applyValue(t -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("Sid", sid);
            json.put("Effect", effect);
            if (!t.t2.isEmpty()) {
                json.put("Principal", t.t2);
            }
            json.put("Action", actions.size() == 1 ? actions.get(0) : actions);
            if (!t.t1.isEmpty()) {
                json.put("Resource", t.t1.size() == 1 ? t.t1.get(0) : t.t1);
            }
            if (!t.t3.isEmpty()) {
                json.put("Condition", t.t3);
            }
            return json;
        });
    }

    private static Output<Map<String, Object>> resolveMap(Map<String, List<Output<String>>> source) {
        List<Output<Map.Entry<String, Object>>> entries = source.entrySet().stream()
                .map(e -> Output.all(e.getValue()).applyValue(values ->
                        Map.entry(e.getKey(), (Object) (values.size() == 1 ? values.get(0) : values))))
                .toList();
        return Output.all(entries).applyValue(list -> {
            Map<String, Object> out = new LinkedHashMap<>();
            list.forEach(entry -> out.put(entry.getKey(), entry.getValue()));
            return out;
        });
    }
}
