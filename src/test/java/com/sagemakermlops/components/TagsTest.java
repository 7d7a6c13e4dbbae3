package com.sagemakermlops.components;

import com.sagemakermlops.config.BuildPolicy;
import com.sagemakermlops.policy.PolicyPack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class TagsTest {
    private static final Tags TAGS = Tags.of("fraud-ml", "enterprise", "dev", "fraud-training", Optional.empty(),
            Optional.empty());

    @Test
    void productTagsComeInOrderAndTheStudioTagsOnlyWithADomain() {
        assertThat(TAGS.asMap()).containsExactly(entry("product", "fraud-ml"), entry("tier", "enterprise"),
                entry("stage", "dev"), entry("managed-by", "pulumi"), entry("sagemaker:project-name", "fraud-training"));
        assertThat(Tags.of("fraud-ml", "starter", "dev", "p", Optional.of("d-abc"),
                Optional.of("arn:aws:sagemaker:us-west-2:111122223333:domain/d-abc")).asMap())
                .containsEntry("sagemaker:domain-id", "d-abc")
                .containsEntry("sagemaker:domain-arn", "arn:aws:sagemaker:us-west-2:111122223333:domain/d-abc");
    }

    @Test
    void withReplacesOneValueAndLeavesTheOriginalAlone() {
        Tags deploy = TAGS.with("sagemaker:project-name", "fraud-deploy");
        assertThat(deploy.asMap()).containsEntry("sagemaker:project-name", "fraud-deploy").hasSize(5);
        assertThat(TAGS.asMap()).containsEntry("sagemaker:project-name", "fraud-training");
    }

    @Test
    void suppressionReasonsAreFittedToTagValueRules() {
        Tags tags = TAGS.withSuppressions(List.of(
                new BuildPolicy.Suppression("AwsSolutions-IAM5", "sts:GetServiceBearerToken needs Resource:* (AWS)"),
                new BuildPolicy.Suppression("iam-no-wildcard-resources", "x".repeat(300))));
        assertThat(tags.asMap())
                .containsEntry(PolicyPack.SUPPRESSION_TAG_PREFIX + "AwsSolutions-IAM5",
                        "sts:GetServiceBearerToken needs Resource:ANY AWS")
                .containsEntry(PolicyPack.SUPPRESSION_TAG_PREFIX + "iam-no-wildcard-resources", "x".repeat(256))
                .containsAllEntriesOf(TAGS.asMap()).hasSize(7);
        assertThat(TAGS.asMap()).hasSize(5);
    }

    @Test
    void tagValuesKeepAllowedCharactersAndSqueezeTheRest() {
        assertThat(Tags.tagValue("  a_b.c:d/e=f+g-h@i  ")).isEqualTo("a_b.c:d/e=f+g-h@i");
        assertThat(Tags.tagValue("why? \"because\", it's [needed]; ok!")).isEqualTo("why because it s needed ok");
        assertThat(Tags.tagValue("Résumé 2")).isEqualTo("Résumé 2");
    }

    @Test
    void noTagsMapIsWritable() {
        Map<String, String> map = TAGS.asMap();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> map.put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
