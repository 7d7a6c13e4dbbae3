package com.sagemakermlops.policy.iam;

import software.amazon.awssdk.arns.Arn;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ARNs read with the AWS SDK's parser ({@code software.amazon.awssdk:arns}), kept to the ones AWS can issue: a known
 * partition, a lowercase service, a region-shaped region, an empty or 12-digit account and a resource without
 * whitespace or control characters. The account {@code aws} is the owner of AWS-managed policies and is accepted in
 * their ARNs alone ({@code arn:aws:iam::aws:policy/[path/]Name}, as the IAM User Guide's "IAM identifiers" writes
 * them: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns). The policy
 * pack and the program's configuration checks read ARNs here.
 */
public final class ArnText {
    private static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+");
    private static final Pattern REGION = Pattern.compile("[a-z0-9-]*");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    /** The account of AWS-managed policies. */
    public static final String AWS_ACCOUNT = "aws";

    private ArnText() {
    }

    /** The ARN {@code text} is, when it is a well-formed one. */
    public static Optional<Arn> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Arn arn;
        try {
            arn = Arn.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        boolean wellFormed = PARTITIONS.contains(arn.partition()) && SERVICE.matcher(arn.service()).matches()
                && REGION.matcher(arn.region().orElse("")).matches()
                && arn.accountId().map(a -> ACCOUNT.matcher(a).matches() || awsManagedPolicy(arn)).orElse(true)
                && arn.resourceAsString().codePoints().noneMatch(c -> Character.isWhitespace(c)
                || Character.isISOControl(c));
        return wellFormed ? Optional.of(arn) : Optional.empty();
    }

    /** True for an AWS-managed policy's ARN: IAM, account {@code aws}, empty region, resource {@code policy/...}. */
    public static boolean awsManagedPolicy(Arn arn) {
        return arn.service().equals("iam") && arn.region().isEmpty()
                && arn.accountId().equals(Optional.of(AWS_ACCOUNT)) && arn.resourceAsString().startsWith("policy/");
    }

    /** True for a twelve-digit account id. */
    public static boolean isAccount(String text) {
        return text != null && ACCOUNT.matcher(text).matches();
    }
}
