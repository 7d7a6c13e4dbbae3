package com.sagemakermlops.components;

import com.sagemakermlops.config.BuildPolicy;
import com.sagemakermlops.policy.PolicyPack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The tags every resource of a product carries, and policy-pack suppressions written as tags. */
public final class Tags {
    private static final Pattern NOT_TAG_VALUE = Pattern.compile("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]");
    private static final int MAX_VALUE = 256;

    private final Map<String, String> values;

    private Tags(Map<String, String> values) {
        this.values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** product, tier and stage, plus the SageMaker project tags when a Studio domain is configured. */
    public static Tags of(String productName, String tier, String stage, String projectName,
                          Optional<String> domainId, Optional<String> domainArn) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("product", productName);
        tags.put("tier", tier);
        tags.put("stage", stage);
        tags.put("managed-by", "pulumi");
        tags.put("sagemaker:project-name", projectName);
        domainId.ifPresent(id -> tags.put("sagemaker:domain-id", id));
        domainArn.ifPresent(arn -> tags.put("sagemaker:domain-arn", arn));
        return new Tags(tags);
    }

    public Map<String, String> asMap() {
        return values;
    }

    public Tags with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Tags(copy);
    }

    /** These tags plus one suppression tag per accepted finding, its reason fitted to AWS's tag value rules. */
    public Tags withSuppressions(List<BuildPolicy.Suppression> suppressions) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        for (BuildPolicy.Suppression suppression : suppressions) {
            copy.put(PolicyPack.SUPPRESSION_TAG_PREFIX + suppression.id(), tagValue(suppression.reason()));
        }
        return new Tags(copy);
    }

    /** AWS tag values allow letters, digits, spaces and {@code _.:/=+-@}: others become spaces, {@code *} "ANY". */
    static String tagValue(String text) {
        String value = NOT_TAG_VALUE.matcher(text.replace("*", "ANY")).replaceAll(" ").replaceAll(" +", " ").trim();
        return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
    }
}
