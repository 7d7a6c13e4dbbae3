package com.sagemakermlops.naming;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The limits each AWS service puts on physical names, and a deterministic way to fit a name within them: a name
 * that is too long keeps its start and gets a hash of the whole name as suffix, so it stays unique and stable.
 */
public enum PhysicalName {
    IAM_ROLE(64, "[^\\w+=,.@-]", false),
    IAM_POLICY(128, "[^\\w+=,.@-]", false),
    S3_BUCKET(63, "[^a-z0-9-]", true),
    SAGEMAKER(63, "[^a-zA-Z0-9-]", false),
    SAGEMAKER_PROJECT(32, "[^a-zA-Z0-9-]", false),
    CODEBUILD(150, "[^A-Za-z0-9_-]", false),
    CODEPIPELINE(100, "[^A-Za-z0-9.@_-]", false),
    CODECOMMIT(100, "[^\\w.-]", false),
    CLOUDFORMATION_STACK(128, "[^A-Za-z0-9-]", false),
    EVENT_RULE(64, "[^.\\-_A-Za-z0-9]", false),
    SNS_TOPIC(256, "[^A-Za-z0-9_-]", false),
    DASHBOARD(255, "[^A-Za-z0-9_-]", false),
    ALARM(255, "[^A-Za-z0-9_./ -]", false),
    CLOUDTRAIL(128, "[^A-Za-z0-9._-]", false);

    public static final int HASH_LENGTH = 8;

    private final int maxLength;
    private final Pattern invalid;
    private final boolean lowerCase;

    PhysicalName(int maxLength, String invalid, boolean lowerCase) {
        this.maxLength = maxLength;
        this.invalid = Pattern.compile(invalid);
        this.lowerCase = lowerCase;
    }

    public int maxLength() {
        return maxLength;
    }

    /** {@code base} with characters the service refuses replaced by hyphens, shortened when too long. */
    public String fit(String base) {
        String cleaned = clean(base);
        if (cleaned.length() <= maxLength) {
            return cleaned;
        }
        return head(cleaned) + "-" + hash(base);
    }

    /** The start every name {@link #fit} makes of {@code stem} followed by anything shares: for ARN patterns. */
    public String sharedPrefix(String stem) {
        String cleaned = clean(stem);
        return head(cleaned.length() <= headLength() ? cleaned : cleaned.substring(0, headLength()));
    }

    private String clean(String base) {
        return invalid.matcher(lowerCase ? base.toLowerCase(Locale.ROOT) : base).replaceAll("-");
    }

    private int headLength() {
        return maxLength - HASH_LENGTH - 1;
    }

    private String head(String cleaned) {
        return cleaned.substring(0, Math.min(cleaned.length(), headLength())).replaceAll("[-_.]+$", "");
    }

    /** The first {@value #HASH_LENGTH} hex digits of the SHA-256 of {@code value}: a short, stable fingerprint. */
    public static String hash(String value) {
        return Fingerprint.hex(value, HASH_LENGTH);
    }
}
