package com.sagemakermlops.components.iam;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundaryDocumentTest {
    private static final String KEY = "arn:aws:kms:us-west-2:111122223333:key/1234";

    @Test
    void allowsOnTheSameResourcesAndConditionsBecomeOneStatementWithTheUnionOfTheirActions() {
        String document = new Gson().toJson(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Sid", "DescribeKey", "Effect", "Allow", "Action", "kms:DescribeKey", "Resource", KEY),
                Map.of("Sid", "Grant", "Effect", "Allow", "Action", "kms:CreateGrant", "Resource", KEY,
                        "Condition", Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true"))),
                Map.of("Sid", "UseKey", "Effect", "Allow", "Action", List.of("kms:Decrypt", "kms:DescribeKey"),
                        "Resource", KEY),
                Map.of("Sid", "NoUsers", "Effect", "Deny", "Action", "iam:CreateUser", "Resource", "*"))));

        assertThat(new Gson().fromJson(BoundaryDocument.compacted(document), Map.class)).isEqualTo(Map.of(
                "Version", "2012-10-17", "Statement", List.of(
                        Map.of("Effect", "Allow", "Action", List.of("kms:DescribeKey", "kms:Decrypt"), "Resource", KEY),
                        Map.of("Effect", "Allow", "Action", "kms:CreateGrant", "Resource", KEY,
                                "Condition", Map.of("Bool", Map.of("kms:GrantIsForAWSResource", "true"))),
                        Map.of("Sid", "NoUsers", "Effect", "Deny", "Action", "iam:CreateUser", "Resource", "*"))));
    }

    @Test
    void aBoundaryLargerThanIamAcceptsIsRefusedWhenPlanned() {
        String document = new Gson().toJson(Map.of("Version", "2012-10-17", "Statement", List.of(
                Map.of("Effect", "Allow", "Action", "s3:GetObject",
                        "Resource", "arn:aws:s3:::" + "b".repeat(ManagedPolicyLimit.CHARACTERS) + "/*"))));

        assertThatThrownBy(() -> BoundaryDocument.compacted(document))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("6144");
    }
}
